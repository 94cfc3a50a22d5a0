DELETE FROM published.code_successor WHERE codelist_id = :id
