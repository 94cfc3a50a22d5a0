-- Cells computed from microdata: each with its confidentiality status, and no merge action (action stays NULL).
COPY staging.load_row (load_id, line_no, key, period_start, value, flags, conf_status) FROM STDIN
