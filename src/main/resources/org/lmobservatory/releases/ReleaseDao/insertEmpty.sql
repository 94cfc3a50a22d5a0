INSERT INTO published.release (dataset_id, row_count, input_checksum, input_file, note)
VALUES (:ds, 0, :checksum, :file, :note) RETURNING id
