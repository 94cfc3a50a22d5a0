SELECT code_id, successor_id, kind, from_version, to_version FROM published.code_successor
WHERE codelist_id = :id ORDER BY code_id, from_version, successor_id
