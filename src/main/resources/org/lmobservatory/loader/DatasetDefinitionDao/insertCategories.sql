INSERT INTO published.measure_category (dataset_id, measure_code, position, code_id)
VALUES (:ds, :measureCode, :position, :codeId)
