-- Pre-release readers named for a scheduled release (issue 14): "token holders named for a release can read it before
-- the embargo". A row lists the token ids and owner names that may read the release before its instant; no row keeps
-- the earlier rule (every holder of a load token for the dataset); an empty list means nobody. In the publishing schema,
-- beside the tokens it names: the API role cannot see it, and the read path runs on the owner's connections anyway.
CREATE TABLE publishing.release_reader (
    release_id bigint      PRIMARY KEY REFERENCES published.release (id),
    readers    text[]      NOT NULL CHECK (array_position(readers, NULL) IS NULL),
    changed_at timestamptz NOT NULL DEFAULT now()
);

-- A per-client cap on webhook subscriptions (self-service, no account): each subscription records a digest of the
-- client address that made it (SHA-256, hex: enough to count, without keeping the address), and a client may hold at
-- most LMO_WEBHOOKS_MAX_PER_CLIENT of them (stated in /v1/limits). Subscriptions made before this have none and count
-- for nobody.
ALTER TABLE webhook.subscription ADD COLUMN client text;
CREATE INDEX subscription_client_idx ON webhook.subscription (client) WHERE client IS NOT NULL;
