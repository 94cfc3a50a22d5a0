-- A load's cells against the dataset's current release. The staged side is a scan of the load's rows (staging holds
-- only unpublished loads; V6 dropped its index for COPY speed); each staged key finds its series through the unique
-- (dataset_id, key) index and the current cell through observation's primary key (series_id, period_start,
-- first_release); the release's own cells come from its series (release_series) and that key, with the validity range. Delete rows of a merge load
-- (ACTION D, possibly without a period) are not cells and are left out.
WITH current_release AS (
    SELECT current_release_id AS id FROM published.dataset WHERE id = :ds
), staged AS (
    SELECT r.line_no, r.key, r.period_start, r.value, r.flags, s.id AS series_id
    FROM staging.load_row r
    LEFT JOIN published.series s ON s.dataset_id = :ds AND s.key = r.key
    WHERE r.load_id = :id AND r.period_start IS NOT NULL AND r.action IS DISTINCT FROM 'D'
), live AS (
    SELECT o.series_id, s.key, o.period_start, o.value, o.flags
    FROM current_release c
    JOIN published.release_series rs ON rs.release_id = c.id
    JOIN published.observation o ON o.series_id = rs.series_id AND o.first_release <= c.id AND (o.last_release IS NULL OR o.last_release > c.id)
    JOIN published.series s ON s.id = o.series_id
), changed AS (
    SELECT coalesce(n.key, o.key) AS key, coalesce(n.period_start, o.period_start) AS period_start,
           CASE WHEN o.series_id IS NULL THEN 'added' WHEN n.key IS NULL THEN 'removed' ELSE 'revised' END AS change,
           o.value AS old_value, o.flags AS old_flags, n.value AS new_value, n.flags AS new_flags, n.line_no
    FROM staged n
    FULL JOIN live o ON o.series_id = n.series_id AND o.period_start = n.period_start
    WHERE (o.series_id IS NULL OR n.key IS NULL OR n.value IS DISTINCT FROM o.value OR n.flags IS DISTINCT FROM o.flags)
      AND NOT (:merge AND n.key IS NULL)
)
SELECT key, period_start, change, old_value, old_flags, new_value, new_flags, line_no,
       count(*) FILTER (WHERE change = 'added') OVER () AS added,
       count(*) FILTER (WHERE change = 'removed') OVER () AS removed,
       count(*) FILTER (WHERE change = 'revised') OVER () AS revised
FROM changed
ORDER BY key, period_start
LIMIT :limit
