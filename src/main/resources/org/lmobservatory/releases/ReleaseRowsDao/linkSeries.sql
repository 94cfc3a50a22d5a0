INSERT INTO published.release_series (release_id, series_id)
SELECT DISTINCT :release, s.id
FROM staging.load_row r JOIN published.series s ON s.dataset_id = :ds AND s.key = r.key
WHERE r.load_id = :load
