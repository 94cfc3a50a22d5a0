-- The series of a merged release: the current release's and the load's, those that still have a cell. Only a delete can
-- leave a series without one, so without deletes (probe false) the union is the answer and nothing is read per series;
-- with deletes, right after the write the open versions are this release's content: one primary-key probe per series.
INSERT INTO published.release_series (release_id, series_id)
SELECT :release, x.series_id
FROM (SELECT series_id FROM published.release_series WHERE release_id = :base
      UNION
      SELECT s.id FROM staging.load_row r JOIN published.series s ON s.dataset_id = :ds AND s.key = r.key
      WHERE r.load_id = :load AND r.action <> 'D') x
WHERE NOT :probe OR EXISTS (SELECT 1 FROM published.observation o WHERE o.series_id = x.series_id AND o.last_release IS NULL)
