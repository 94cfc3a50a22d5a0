-- ...and write again, as versions of this release, the current release's cells that newer releases closed.
INSERT INTO published.observation (series_id, period_start, first_release, value, flags, conf_status)
SELECT o.series_id, o.period_start, :release, o.value, o.flags, o.conf_status
FROM published.series s
JOIN published.observation o ON o.series_id = s.id
WHERE s.dataset_id = :ds AND o.first_release <= :base AND o.last_release > :base
