INSERT INTO staging.disclosure_secret (dataset_id, secret) VALUES (:ds, :secret)
ON CONFLICT (dataset_id) DO NOTHING
