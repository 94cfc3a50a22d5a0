INSERT INTO publishing.token (id, owner, datasets, scopes, secret_hash, expires_at)
VALUES (:id, :owner, :datasets, :scopes, :hash, :expires)
