SELECT id, dataset_id FROM published.release
WHERE status = 'scheduled' AND announced_at <= now()
ORDER BY announced_at, id
