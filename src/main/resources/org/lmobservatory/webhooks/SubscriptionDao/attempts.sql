SELECT delivery_id, attempt, attempted_at, status_code, error, duration_ms
FROM webhook.attempt WHERE delivery_id = ANY(:ids)
ORDER BY delivery_id DESC, attempt
