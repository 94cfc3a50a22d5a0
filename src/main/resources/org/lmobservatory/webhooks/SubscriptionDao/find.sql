SELECT id, url, datasets, events, secret, created_at FROM webhook.subscription WHERE id = :id
