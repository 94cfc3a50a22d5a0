SELECT code_id, parent_id, level, labels::text AS labels, sort_order, valid_in
FROM published.code WHERE codelist_id = :id ORDER BY sort_order
