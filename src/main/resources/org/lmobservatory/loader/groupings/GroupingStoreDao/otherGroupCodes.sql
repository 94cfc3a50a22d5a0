WITH newest AS (
    SELECT id, max(version) AS version FROM published.grouping
    WHERE codelist_id = :codelist AND id IS DISTINCT FROM :id
    GROUP BY id
)
SELECT gg.code, gg.grouping_id
FROM newest n JOIN published.grouping_group gg ON gg.grouping_id = n.id AND gg.version = n.version
