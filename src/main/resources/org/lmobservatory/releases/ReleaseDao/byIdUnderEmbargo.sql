SELECT r.id, r.dataset_id, r.published_at, r.row_count, r.input_checksum, r.input_file, r.note, r.period_min, r.period_max
FROM published.release r
WHERE r.dataset_id = :ds AND r.id = :id AND r.status IN ('published', 'scheduled')
