UPDATE webhook.delivery SET status = 'delivered', attempts = :attempts, delivered_at = now() WHERE id = :id
