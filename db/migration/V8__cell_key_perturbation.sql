-- Disclosure control that withstands a linear-programming attacker and release differencing (issue 9).

-- The secret behind each dataset's record keys (cell-key perturbation). Whoever knows it can strip the noise, so it
-- lives in staging, out of the API role's reach, and is never logged or published.
CREATE TABLE staging.disclosure_secret (
    dataset_id text  PRIMARY KEY,
    secret     bytea NOT NULL CHECK (length(secret) >= 32)
);
REVOKE ALL ON staging.disclosure_secret FROM PUBLIC;

-- record_key: the graduate's key (keyed hash of the id, stable across loads), summed per cell into the cell key.
-- content_hash: keyed hash of the whole record; its sum per cohort changes whenever any record of the cohort does,
-- which redraws the noise of that cohort (see graduates/CohortSalts).
ALTER TABLE staging.graduate ADD COLUMN record_key bigint NOT NULL DEFAULT 0;
ALTER TABLE staging.graduate ADD COLUMN content_hash bigint NOT NULL DEFAULT 0;

-- The audit of a release records the noise, the protection levels and the linear-programming audit's figures.
ALTER TABLE published.release_disclosure DROP CONSTRAINT IF EXISTS release_disclosure_rule_check;
ALTER TABLE published.release_disclosure ADD CONSTRAINT release_disclosure_rule_check
    CHECK (rule IN ('population', 'count', 'secondary', 'rounding', 'noise', 'protection', 'audited', 'audit-failures'));

-- Per release of a graduate dataset, the content hash of every record it was computed from (no ids, no attributes):
-- enough to count how many records changed between two releases of a cohort, which bounds how far any of its cells
-- can have moved. The auditor uses it to attack a new release together with the earlier public ones.
CREATE TABLE staging.release_digest (
    release_id   bigint   NOT NULL,
    cohort       smallint NOT NULL,
    content_hash bigint   NOT NULL
);
CREATE INDEX release_digest_idx ON staging.release_digest (release_id, cohort);
REVOKE ALL ON staging.release_digest FROM PUBLIC;
