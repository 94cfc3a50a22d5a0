WITH newest AS (
    SELECT id, max(version) AS version FROM published.grouping WHERE codelist_id = :codelist GROUP BY id
)
SELECT gg.grouping_id, gg.code, gg.labels::text AS labels, gg.valid_from, gg.valid_to
FROM newest n
JOIN published.grouping_group gg ON gg.grouping_id = n.id AND gg.version = n.version
ORDER BY gg.grouping_id, gg.sort_order
