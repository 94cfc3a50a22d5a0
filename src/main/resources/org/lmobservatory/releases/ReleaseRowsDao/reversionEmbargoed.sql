-- A release published at once while an earlier one of the dataset waits under embargo: open versions written by the
-- waiting release would be hidden from this one by row-level security (V19 hides versions by first_release), so they
-- are closed and written again as this release's own. The embargoed release keeps its closed copies.
WITH moved AS (
    UPDATE published.observation o SET last_release = :release
    FROM published.series s
    WHERE s.dataset_id = :ds AND o.series_id = s.id AND o.last_release IS NULL
      AND o.first_release IN (SELECT id FROM published.release WHERE dataset_id = :ds AND status = 'scheduled' AND id <> :release)
    RETURNING o.series_id, o.period_start, o.value, o.flags, o.conf_status
)
INSERT INTO published.observation (series_id, period_start, first_release, value, flags, conf_status)
SELECT series_id, period_start, :release, value, flags, conf_status FROM moved
