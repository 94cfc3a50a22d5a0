-- When the cancelled release was the newest written one, the versions it closed are the newest state again.
UPDATE published.observation o SET last_release = NULL
FROM published.release r, published.series s
WHERE r.id = :release AND s.dataset_id = r.dataset_id AND o.series_id = s.id AND o.last_release = :release
  AND NOT EXISTS (SELECT 1 FROM published.release n
                  WHERE n.dataset_id = r.dataset_id AND n.id > :release AND n.status <> 'cancelled')
