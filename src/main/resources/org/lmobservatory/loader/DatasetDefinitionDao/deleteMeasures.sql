DELETE FROM published.dataset_measure WHERE dataset_id = :id
