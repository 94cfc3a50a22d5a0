SELECT id, dataset_id, file_name, checksum, format, status, mode, row_count, error_count, started_at, finished_at, release_id
FROM staging.load
WHERE dataset_id = :ds AND id = :id
