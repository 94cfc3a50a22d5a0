UPDATE staging.load SET status = 'invalid', error_count = :errors, finished_at = now() WHERE id = :id
