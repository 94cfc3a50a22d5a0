UPDATE staging.load
SET status = :status, mode = :mode, row_count = :rows, error_count = :errors, finished_at = now()
WHERE id = :id
