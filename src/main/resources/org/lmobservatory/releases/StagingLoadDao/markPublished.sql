UPDATE staging.load SET status = 'published', release_id = :release, finished_at = now() WHERE id = :id
