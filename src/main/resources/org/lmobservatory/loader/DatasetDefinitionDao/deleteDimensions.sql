DELETE FROM published.dataset_dimension WHERE dataset_id = :id
