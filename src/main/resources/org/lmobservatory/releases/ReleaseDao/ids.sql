SELECT id FROM published.release WHERE dataset_id = :ds AND status = 'published' ORDER BY id
