-- Scheduled releases (embargo, issue 14): a release can be written at publish time and stay invisible until the
-- instant announced on the public release calendar. Visibility is enforced here, for every role but the owner, and
-- not only in Java: the API role cannot read an embargoed release, its rows or its series, by any query.

ALTER TABLE published.release
    ADD COLUMN status       text NOT NULL DEFAULT 'published' CHECK (status IN ('scheduled', 'published', 'cancelled')),
    ADD COLUMN announced_at timestamptz,
    ADD CONSTRAINT release_announced_check CHECK (status = 'published' OR announced_at IS NOT NULL);
-- What the activators poll several times a second: only the few releases still waiting.
CREATE INDEX release_scheduled_idx ON published.release (announced_at) WHERE status = 'scheduled';
-- One waiting release per dataset: a second one must wait until the first is out, or reschedule/cancel it.
CREATE UNIQUE INDEX release_one_scheduled_idx ON published.release (dataset_id) WHERE status = 'scheduled';

-- Every change of a schedule, with its reason, for the calendar (previous instants, cancellations) and the
-- iCalendar SEQUENCE (the number of reschedules and cancellations of the release).
CREATE TABLE published.release_schedule_change (
    id           bigserial PRIMARY KEY,
    release_id   bigint      NOT NULL REFERENCES published.release (id),
    action       text        NOT NULL CHECK (action IN ('scheduled', 'rescheduled', 'cancelled', 'published')),
    announced_at timestamptz,
    previous_at  timestamptz,
    reason       text,
    changed_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX release_schedule_change_idx ON published.release_schedule_change (release_id, id);

-- A scheduled release's activation is one more reason a release became current; at most one per release, so two
-- server instances racing at the instant cannot both record it.
ALTER TABLE published.release_activation DROP CONSTRAINT release_activation_reason_check;
ALTER TABLE published.release_activation ADD CONSTRAINT release_activation_reason_check
    CHECK (reason IN ('publish', 'rollback', 'scheduled'));
CREATE UNIQUE INDEX release_activation_scheduled_idx ON published.release_activation (release_id) WHERE reason = 'scheduled';

-- The ids of the releases under embargo. SECURITY DEFINER: it runs as the owner, who is not subject to the policies
-- below (a policy's subquery on published.release would otherwise see only the published releases and hide nothing).
-- Wrapped in a scalar subquery in the policies, so it runs once per statement, not once per row.
CREATE FUNCTION published.embargoed_releases() RETURNS bigint[]
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS
$$ SELECT coalesce(array_agg(id), '{}') FROM published.release WHERE status = 'scheduled' $$;
REVOKE ALL ON FUNCTION published.embargoed_releases() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION published.embargoed_releases() TO lmo_api;

-- Row-level security: the table owner (loader, publisher, activator) is exempt; every other role sees published
-- releases only. A cancelled release's rows are deleted at cancellation; its release row stays, hidden, for the record.
ALTER TABLE published.release ENABLE ROW LEVEL SECURITY;
CREATE POLICY release_published ON published.release FOR SELECT USING (status = 'published');

ALTER TABLE published.observation ENABLE ROW LEVEL SECURITY;
CREATE POLICY observation_not_embargoed ON published.observation FOR SELECT
    USING (release_id <> ALL (CAST((SELECT published.embargoed_releases()) AS bigint[])));

ALTER TABLE published.release_series ENABLE ROW LEVEL SECURITY;
CREATE POLICY release_series_not_embargoed ON published.release_series FOR SELECT
    USING (release_id <> ALL (CAST((SELECT published.embargoed_releases()) AS bigint[])));

ALTER TABLE published.release_disclosure ENABLE ROW LEVEL SECURITY;
CREATE POLICY release_disclosure_not_embargoed ON published.release_disclosure FOR SELECT
    USING (release_id <> ALL (CAST((SELECT published.embargoed_releases()) AS bigint[])));

-- The public face of the schedule: what the calendar shows of every release that was ever scheduled, and nothing of
-- its data. A view runs with its owner's rights, so it lists scheduled releases the API role cannot read as such.
CREATE VIEW published.release_calendar AS
SELECT r.id, r.dataset_id, r.status, r.announced_at, r.note,
       CASE WHEN r.status = 'published' THEN r.published_at END AS published_at
FROM published.release r
WHERE r.announced_at IS NOT NULL;
GRANT SELECT ON published.release_calendar, published.release_schedule_change TO lmo_api;
