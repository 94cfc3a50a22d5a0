INSERT INTO published.release_activation (dataset_id, release_id, reason) VALUES (:ds, :release, :reason)
