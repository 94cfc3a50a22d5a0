INSERT INTO published.series (dataset_id, key)
SELECT DISTINCT :ds, key FROM staging.load_row WHERE load_id = :load
ON CONFLICT (dataset_id, key) DO NOTHING
