SELECT count(*) > 0 FROM published.release WHERE dataset_id = :id
