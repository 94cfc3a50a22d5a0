-- Merge: open versions the load deletes or replaces by key and period (found through the series' unique key and the
-- observation primary key, so the cost follows the load's size). A line that repeats the cell exactly leaves it open.
UPDATE published.observation o SET last_release = :release
FROM staging.load_row r
JOIN published.series s ON s.dataset_id = :ds AND s.key = r.key
WHERE r.load_id = :load AND r.period_start IS NOT NULL
  AND o.series_id = s.id AND o.period_start = r.period_start AND o.last_release IS NULL
  AND (r.action = 'D' OR NOT (r.value IS NOT DISTINCT FROM o.value AND scale(r.value) IS NOT DISTINCT FROM scale(o.value)
       AND r.flags IS NOT DISTINCT FROM o.flags AND r.conf_status IS NOT DISTINCT FROM o.conf_status))
