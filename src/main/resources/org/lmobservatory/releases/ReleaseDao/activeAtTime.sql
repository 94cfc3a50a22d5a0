SELECT r.id, r.dataset_id, r.published_at, r.row_count, r.input_checksum, r.input_file, r.note, r.period_min, r.period_max FROM published.release r WHERE r.id = (
   SELECT a.release_id FROM published.release_activation a
   WHERE a.dataset_id = :ds AND a.activated_at <= :t
   ORDER BY a.activated_at DESC, a.id DESC LIMIT 1)
