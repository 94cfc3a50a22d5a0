SELECT id, owner, datasets, scopes, secret_hash, created_at, expires_at, revoked_at
FROM publishing.token
ORDER BY created_at, id
