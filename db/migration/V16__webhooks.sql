-- Webhooks (issue 14): self-service subscriptions to release activations, and a persisted delivery queue.
-- A schema of its own that the API role cannot read: the secrets are kept as they are (the server must compute HMACs
-- with them, so a one-way hash cannot do), and only the owner connection (webhooks/) reads and writes here.
CREATE SCHEMA IF NOT EXISTS webhook;
REVOKE ALL ON SCHEMA webhook FROM PUBLIC;

CREATE TABLE webhook.subscription (
    id         uuid        PRIMARY KEY,
    url        text        NOT NULL,
    datasets   text[],                 -- NULL: every dataset
    events     text[]      NOT NULL,   -- release.published, release.rolled_back
    secret     text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per (subscription, activation): what must be delivered, and where it stands. Workers claim due rows with
-- FOR UPDATE SKIP LOCKED, so each attempt is made by exactly one server instance.
CREATE TABLE webhook.delivery (
    id              bigserial   PRIMARY KEY,
    subscription_id uuid        NOT NULL REFERENCES webhook.subscription (id) ON DELETE CASCADE,
    activation_id   bigint      NOT NULL REFERENCES published.release_activation (id),
    event           text        NOT NULL,
    status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    delivered_at    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (subscription_id, activation_id)
);
CREATE INDEX delivery_due_idx ON webhook.delivery (next_attempt_at) WHERE status = 'pending';

-- The delivery log: every attempt, with the receiver's status code or the error.
CREATE TABLE webhook.attempt (
    delivery_id  bigint      NOT NULL REFERENCES webhook.delivery (id) ON DELETE CASCADE,
    attempt      integer     NOT NULL,
    attempted_at timestamptz NOT NULL DEFAULT now(),
    status_code  integer,
    error        text,
    duration_ms  integer     NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);

-- Every activation (a publish or rollback, by the CLI or any server) queues its deliveries in the same transaction:
-- nothing is lost when no server runs, and nothing is queued for a publish that rolls back. A release activated for a
-- later instant (a scheduled release) is not delivered before that instant.
CREATE FUNCTION webhook.enqueue_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ev text := CASE NEW.reason WHEN 'rollback' THEN 'release.rolled_back' ELSE 'release.published' END;
BEGIN
    INSERT INTO webhook.delivery (subscription_id, activation_id, event, next_attempt_at)
    SELECT s.id, NEW.id, ev, greatest(now(), NEW.activated_at)
    FROM webhook.subscription s
    WHERE ev = ANY (s.events) AND (s.datasets IS NULL OR NEW.dataset_id = ANY (s.datasets));
    RETURN NEW;
END
$$;

CREATE TRIGGER release_activation_webhooks AFTER INSERT ON published.release_activation
    FOR EACH ROW EXECUTE FUNCTION webhook.enqueue_deliveries();
