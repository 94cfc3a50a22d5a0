SELECT line_no, col, message FROM staging.load_error WHERE load_id = :id ORDER BY line_no LIMIT :limit
