INSERT INTO published.code (codelist_id, code_id, parent_id, level, labels, sort_order, valid_in)
VALUES (:list, :id, :parent, :level, CAST(:labels AS jsonb), :sort, CAST(:validIn AS text[]))
