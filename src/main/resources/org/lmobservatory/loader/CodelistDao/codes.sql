SELECT code_id AS id, parent_id AS parent, level, labels::text AS labels, sort_order AS sort
FROM published.code
WHERE codelist_id = :id
ORDER BY sort_order
