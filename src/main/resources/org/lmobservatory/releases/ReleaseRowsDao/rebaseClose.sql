-- A merge starts from the current release. When a newer one was written (a rollback came back to the current one, or a
-- release waits under embargo), the open versions are that newer content: close what the current release lacks...
UPDATE published.observation o SET last_release = :release
FROM published.series s
WHERE s.dataset_id = :ds AND o.series_id = s.id AND o.last_release IS NULL AND o.first_release > :base
