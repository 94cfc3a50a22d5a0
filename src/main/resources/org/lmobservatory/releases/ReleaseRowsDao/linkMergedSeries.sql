-- The series of a merged release: the current release's and the load's, those that still have a cell. Right after the
-- write the open versions are this release's content, so each check is one probe of the observation primary key.
INSERT INTO published.release_series (release_id, series_id)
SELECT :release, x.series_id
FROM (SELECT series_id FROM published.release_series WHERE release_id = :base
      UNION
      SELECT s.id FROM staging.load_row r JOIN published.series s ON s.dataset_id = :ds AND s.key = r.key
      WHERE r.load_id = :load AND r.action <> 'D') x
WHERE EXISTS (SELECT 1 FROM published.observation o WHERE o.series_id = x.series_id AND o.last_release IS NULL)
