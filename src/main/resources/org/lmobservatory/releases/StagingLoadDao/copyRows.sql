COPY staging.load_row (load_id, line_no, key, period_start, value, flags, action) FROM STDIN
