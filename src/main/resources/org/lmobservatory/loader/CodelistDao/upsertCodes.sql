INSERT INTO published.code (codelist_id, code_id, parent_id, level, labels, sort_order)
VALUES (:list, :id, :parent, :level, CAST(:labels AS jsonb), :sort)
ON CONFLICT (codelist_id, code_id) DO UPDATE SET parent_id = EXCLUDED.parent_id, level = EXCLUDED.level,
    labels = EXCLUDED.labels, sort_order = EXCLUDED.sort_order
