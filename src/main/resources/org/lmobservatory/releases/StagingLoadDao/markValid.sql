UPDATE staging.load SET status = 'valid', row_count = :rows, finished_at = now() WHERE id = :id
