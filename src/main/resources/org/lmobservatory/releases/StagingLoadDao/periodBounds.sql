SELECT min(period_start) AS lo, max(period_start) AS hi FROM staging.load_row WHERE load_id = :id
