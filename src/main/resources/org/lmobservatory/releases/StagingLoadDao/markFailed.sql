UPDATE staging.load SET status = 'failed', finished_at = now() WHERE id = :id
