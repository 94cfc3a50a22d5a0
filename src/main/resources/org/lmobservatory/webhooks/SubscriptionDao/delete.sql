DELETE FROM webhook.subscription WHERE id = :id
