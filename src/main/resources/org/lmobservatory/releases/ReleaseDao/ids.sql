SELECT id FROM published.release WHERE dataset_id = :ds ORDER BY id
