INSERT INTO published.dataset_dimension (dataset_id, position, dimension_id, codelist_id, role, label)
VALUES (:ds, :position, :id, :codelist, :role, CAST(:label AS jsonb))
