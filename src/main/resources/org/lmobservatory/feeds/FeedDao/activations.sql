SELECT a.id AS activation_id, a.dataset_id, a.release_id, a.activated_at, a.reason,
       r.published_at, r.row_count, r.note, r.period_min, r.period_max
FROM published.release_activation a
JOIN published.release r ON r.id = a.release_id
WHERE a.activated_at <= now() AND (CAST(:ds AS text) IS NULL OR a.dataset_id = :ds)
ORDER BY a.activated_at DESC, a.id DESC
LIMIT :limit
