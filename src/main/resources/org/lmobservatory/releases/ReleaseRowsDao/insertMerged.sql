-- As insertChanged, for a merge: the load's own cells, without its delete lines.
INSERT INTO published.observation (series_id, period_start, first_release, value, flags, conf_status)
SELECT s.id, r.period_start, :release, r.value, r.flags, r.conf_status
FROM staging.load_row r
JOIN published.series s ON s.dataset_id = :ds AND s.key = r.key
WHERE r.load_id = :load AND r.action <> 'D'
  AND NOT EXISTS (SELECT 1 FROM published.observation o
                  WHERE o.series_id = s.id AND o.period_start = r.period_start AND o.last_release IS NULL)
