SELECT code_id AS code, successor_id AS successor, from_version, to_version, kind
FROM published.code_successor
WHERE codelist_id = :id
ORDER BY code_id, from_version, successor_id
