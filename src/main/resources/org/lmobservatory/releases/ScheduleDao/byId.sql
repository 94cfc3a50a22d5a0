SELECT r.id, r.dataset_id, r.status, r.announced_at, r.note FROM published.release r WHERE r.id = :release
