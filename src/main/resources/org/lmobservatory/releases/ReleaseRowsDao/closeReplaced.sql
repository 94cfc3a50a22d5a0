-- Full replace: every open version of the dataset (its newest written state) that the load does not repeat exactly
-- ends before this release. The load's rows are found by a hash of (key, period): staging has no index (V6).
UPDATE published.observation o SET last_release = :release
FROM published.series s
WHERE s.dataset_id = :ds AND o.series_id = s.id AND o.last_release IS NULL
  AND NOT EXISTS (SELECT 1 FROM staging.load_row r
                  WHERE r.load_id = :load AND r.key = s.key AND r.period_start = o.period_start
                    AND r.value IS NOT DISTINCT FROM o.value AND scale(r.value) IS NOT DISTINCT FROM scale(o.value)
       AND r.flags IS NOT DISTINCT FROM o.flags AND r.conf_status IS NOT DISTINCT FROM o.conf_status)
