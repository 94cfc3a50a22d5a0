SELECT id, row_count, checksum, file_name, status, mode FROM staging.load WHERE dataset_id = :ds AND status = 'valid' ORDER BY id DESC LIMIT 1
