INSERT INTO webhook.subscription (id, url, datasets, events, secret) VALUES (:id, :url, :datasets, :events, :secret)
