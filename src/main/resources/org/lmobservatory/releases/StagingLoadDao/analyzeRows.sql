ANALYZE staging.load_row
