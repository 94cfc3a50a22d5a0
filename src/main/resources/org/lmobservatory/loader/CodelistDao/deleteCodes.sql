DELETE FROM published.code WHERE codelist_id = :id
