WITH newest AS (
    SELECT id, max(version) AS version FROM published.grouping WHERE codelist_id = :codelist GROUP BY id
)
SELECT gm.grouping_id, gm.code, gm.member
FROM newest n
JOIN published.grouping_member gm ON gm.grouping_id = n.id AND gm.version = n.version
ORDER BY gm.grouping_id, gm.code, gm.sort_order
