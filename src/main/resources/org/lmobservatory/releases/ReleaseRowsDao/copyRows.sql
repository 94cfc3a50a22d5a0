INSERT INTO published.observation (release_id, series_id, period_start, value, flags, conf_status)
SELECT :release, s.id, r.period_start, r.value, r.flags, r.conf_status
FROM staging.load_row r
JOIN published.series s ON s.dataset_id = :ds AND s.key = r.key
WHERE r.load_id = :load
