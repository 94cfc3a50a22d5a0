INSERT INTO published.series (dataset_id, key)
SELECT DISTINCT :ds, key FROM staging.load_row WHERE load_id = :load AND action <> 'D'
ON CONFLICT (dataset_id, key) DO NOTHING
