SELECT id, row_count, checksum, file_name, status, mode FROM staging.load WHERE dataset_id = :ds AND id = :id
