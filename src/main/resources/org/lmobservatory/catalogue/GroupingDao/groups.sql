SELECT gg.grouping_id, gg.version, gg.sort_order, gg.code, gg.labels::text AS labels, gg.valid_from, gg.valid_to
FROM published.grouping g
JOIN published.grouping_group gg ON gg.grouping_id = g.id AND gg.version = g.version
WHERE g.codelist_id = :codelist
ORDER BY gg.grouping_id, gg.version DESC, gg.sort_order
