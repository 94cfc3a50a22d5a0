DELETE FROM staging.graduate
WHERE load_id IN (SELECT id FROM staging.load WHERE dataset_id = :ds AND id <> :load)
