INSERT INTO staging.load (dataset_id, file_name, checksum, format, status)
VALUES (:ds, :file, :checksum, :format, 'loading')
RETURNING id
