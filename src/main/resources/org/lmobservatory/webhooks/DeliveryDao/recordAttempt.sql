INSERT INTO webhook.attempt (delivery_id, attempt, status_code, error, duration_ms) VALUES (:delivery, :attempt, :status, :error, :ms)
