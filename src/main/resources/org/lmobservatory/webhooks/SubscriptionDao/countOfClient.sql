SELECT count(*) FROM webhook.subscription WHERE client = :client
