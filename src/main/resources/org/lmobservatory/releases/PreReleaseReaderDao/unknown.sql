-- The names that match no usable token for the dataset: neither a token id nor an owner of a token that is active
-- (not revoked, not expired), covers the dataset and may load (pre-release reading is a load-scope action).
SELECT n
FROM unnest(CAST(:names AS text[])) WITH ORDINALITY AS u(n, i)
WHERE NOT EXISTS (
    SELECT 1 FROM publishing.token t
    WHERE (t.id = u.n OR t.owner = u.n)
      AND :dataset = ANY (t.datasets) AND 'load' = ANY (t.scopes)
      AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()))
ORDER BY u.i
