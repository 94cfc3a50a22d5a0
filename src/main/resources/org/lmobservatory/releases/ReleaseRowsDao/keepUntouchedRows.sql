-- Exact key+period matches (replaced or deleted) use the load_row index; only deletes with an empty code
-- or period (wildcards) need the element-wise comparison.
INSERT INTO published.observation (release_id, series_id, period_start, value, flags, conf_status)
SELECT :release, o.series_id, o.period_start, o.value, o.flags, o.conf_status
FROM published.observation o
JOIN published.series s ON s.id = o.series_id
WHERE o.release_id = :current
  AND NOT EXISTS (SELECT 1 FROM staging.load_row r
                  WHERE r.load_id = :load AND r.key = s.key AND r.period_start = o.period_start)
  AND NOT EXISTS (SELECT 1 FROM staging.load_row d
                  WHERE d.load_id = :load AND d.action = 'D'
                    AND (d.period_start IS NULL OR '' = ANY (d.key))
                    AND (d.period_start IS NULL OR d.period_start = o.period_start)
                    AND NOT EXISTS (SELECT 1 FROM generate_subscripts(d.key, 1) AS i
                                    WHERE d.key[i] <> '' AND d.key[i] IS DISTINCT FROM s.key[i]))
