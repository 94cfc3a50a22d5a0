INSERT INTO published.grouping (id, version, codelist_id, labels, description, checksum, file_name)
VALUES (:id, :version, :codelist, CAST(:labels AS jsonb), CAST(:description AS jsonb), :checksum, :file)
