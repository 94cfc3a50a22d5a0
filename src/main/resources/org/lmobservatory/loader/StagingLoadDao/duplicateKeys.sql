-- Hash-aggregates the staged keys (no sort, no index needed); run after ANALYZE so the planner chooses that.
SELECT array_to_string(key, ', ') AS key_text, array_agg(line_no ORDER BY line_no) AS lines
FROM staging.load_row
WHERE load_id = :id AND action IS DISTINCT FROM 'D'
GROUP BY key, period_start
HAVING count(*) > 1
LIMIT :max
