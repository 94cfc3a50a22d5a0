INSERT INTO published.release_series (release_id, series_id)
SELECT DISTINCT :release, series_id FROM published.observation WHERE release_id = :release
