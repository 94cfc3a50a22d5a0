UPDATE webhook.delivery SET attempts = :attempts, next_attempt_at = now() + make_interval(secs => :ms / 1000.0) WHERE id = :id
