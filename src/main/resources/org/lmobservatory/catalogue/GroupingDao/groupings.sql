SELECT g.id, g.version, g.labels::text AS labels, g.description::text AS description, g.loaded_at
FROM published.grouping g
WHERE g.codelist_id = :codelist
ORDER BY g.id, g.version DESC
