INSERT INTO webhook.subscription (id, url, datasets, events, secret, client) VALUES (:id, :url, :datasets, :events, :secret, :client)
