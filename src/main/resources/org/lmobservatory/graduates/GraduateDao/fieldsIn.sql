SELECT DISTINCT field FROM staging.graduate WHERE load_id = :load ORDER BY field
