SELECT d.id, d.subscription_id, d.event, d.attempts, s.url, s.secret, a.dataset_id, a.release_id, a.activated_at,
       r.published_at, r.row_count, r.note, r.period_min, r.period_max
FROM webhook.delivery d
JOIN webhook.subscription s ON s.id = d.subscription_id
JOIN published.release_activation a ON a.id = d.activation_id
JOIN published.release r ON r.id = a.release_id
WHERE d.status = 'pending' AND d.next_attempt_at <= now()
ORDER BY d.next_attempt_at, d.id
LIMIT 1
FOR UPDATE OF d SKIP LOCKED
