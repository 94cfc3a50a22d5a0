SELECT d.id, d.event, a.dataset_id, a.release_id, a.activated_at, d.status, d.attempts, d.next_attempt_at, d.delivered_at
FROM webhook.delivery d
JOIN published.release_activation a ON a.id = d.activation_id
WHERE d.subscription_id = :id
ORDER BY d.id DESC
LIMIT :limit
