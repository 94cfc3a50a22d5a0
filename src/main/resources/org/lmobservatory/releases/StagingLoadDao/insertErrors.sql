INSERT INTO staging.load_error (load_id, line_no, col, message) VALUES (:id, :line, :column, :message)
