DELETE FROM staging.load_row WHERE load_id = :id
