UPDATE webhook.delivery SET status = 'failed', attempts = :attempts WHERE id = :id
