INSERT INTO published.release (dataset_id, row_count, input_checksum, input_file, note, period_min, period_max)
VALUES (:ds, :rows, :checksum, :file, :note, :lo, :hi) RETURNING id
