SELECT gm.grouping_id, gm.version, gm.group_order, gm.member
FROM published.grouping g
JOIN published.grouping_member gm ON gm.grouping_id = g.id AND gm.version = g.version
WHERE g.codelist_id = :codelist
ORDER BY gm.grouping_id, gm.version DESC, gm.group_order, gm.sort_order
