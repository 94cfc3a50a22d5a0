-- The codes of a dataset's category measures in stored position order, with their labels (primary keys on both sides).
-- A code since removed from its codelist keeps its position, labelled by its id.
SELECT mc.measure_code, mc.position, mc.code_id, c.parent_id, c.level,
       COALESCE(c.labels, jsonb_build_object('en', mc.code_id))::text AS labels, COALESCE(c.sort_order, -1) AS sort_order
FROM published.measure_category mc
JOIN published.dataset_measure m ON m.dataset_id = mc.dataset_id AND m.code_id = mc.measure_code
LEFT JOIN published.code c ON c.codelist_id = m.codelist_id AND c.code_id = mc.code_id
WHERE mc.dataset_id = :id
ORDER BY mc.measure_code, mc.position
