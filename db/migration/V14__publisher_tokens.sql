-- Publisher API (issue 14): tokens of data owners and the audit of every use. In a schema of their own that the API
-- role (lmo_api) cannot even see: the publisher routes run on the owner's pool anyway (they stage and publish), so no
-- read-only API session, SQL injection included, can reach a token hash or the audit.
CREATE SCHEMA IF NOT EXISTS publishing;
REVOKE ALL ON SCHEMA publishing FROM PUBLIC;

-- A token is lmo_<id>_<secret>: looked up by its public id, verified against an Argon2id hash of the secret (PHC
-- string with its own salt and parameters), so a stolen table does not give usable tokens.
CREATE TABLE publishing.token (
    id          text        PRIMARY KEY CHECK (id ~ '^[0-9a-f]{16}$'),
    owner       text        NOT NULL CHECK (owner <> ''),
    datasets    text[]      NOT NULL CHECK (cardinality(datasets) > 0),
    scopes      text[]      NOT NULL CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY['load', 'publish']),
    secret_hash text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz,
    revoked_at  timestamptz
);

-- Every request to /v1/publish, refused ones included: who (token id and owner, null when no token was recognised),
-- what, which dataset, from which file (SHA-256), with which result, from where.
CREATE TABLE publishing.audit (
    id             bigserial   PRIMARY KEY,
    at             timestamptz NOT NULL DEFAULT now(),
    token_id       text,
    owner          text,
    action         text        NOT NULL,
    dataset_id     text,
    outcome        text        NOT NULL,
    file_checksum  text,
    load_id        bigint,
    release_id     bigint,
    remote_address text
);
CREATE INDEX audit_at_idx ON publishing.audit (at DESC, id DESC);
CREATE INDEX audit_token_idx ON publishing.audit (token_id, at DESC);
