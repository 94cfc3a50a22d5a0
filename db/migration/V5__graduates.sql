-- Graduate tracking with statistical disclosure control, and releases you can cite (issue 4).

-- Why a published cell is empty (SDMX CONF_STATUS): F free, C primary confidential (the cell's own population or
-- count is too small), D secondary confidential (hidden so another cell cannot be recomputed). NULL: not recorded,
-- for datasets published without disclosure control. NOT VALID: existing rows have no conf_status, so no table scan.
ALTER TABLE published.observation ADD COLUMN conf_status char(1);
ALTER TABLE published.observation ADD CONSTRAINT observation_conf_status_check
    CHECK (conf_status IS NULL OR conf_status = 'F' OR (conf_status IN ('C', 'D') AND value IS NULL AND flags ~ 'c')) NOT VALID;
ALTER TABLE staging.load_row ADD COLUMN conf_status char(1);

-- The disclosure audit of a load, copied into the release it becomes: which rule suppressed how many cells.
CREATE TABLE staging.load_disclosure (
    load_id   bigint  NOT NULL REFERENCES staging.load (id) ON DELETE CASCADE,
    rule      text    NOT NULL,
    threshold integer,
    cells     bigint  NOT NULL,
    PRIMARY KEY (load_id, rule)
);

CREATE TABLE published.release_disclosure (
    release_id bigint  NOT NULL REFERENCES published.release (id),
    rule       text    NOT NULL CHECK (rule IN ('population', 'count', 'secondary', 'rounding')),
    threshold  integer,
    cells      bigint  NOT NULL,
    PRIMARY KEY (release_id, rule)
);

-- Which release was current when: publishes and rollbacks, so asOf= returns what readers saw at that moment.
CREATE TABLE published.release_activation (
    id           bigserial PRIMARY KEY,
    dataset_id   text        NOT NULL REFERENCES published.dataset (id),
    release_id   bigint      NOT NULL REFERENCES published.release (id),
    activated_at timestamptz NOT NULL DEFAULT now(),
    reason       text        NOT NULL CHECK (reason IN ('publish', 'rollback'))
);
CREATE INDEX release_activation_idx ON published.release_activation (dataset_id, activated_at DESC, id DESC);
INSERT INTO published.release_activation (dataset_id, release_id, activated_at, reason)
SELECT dataset_id, id, published_at, 'publish' FROM published.release ORDER BY id;

GRANT SELECT ON published.release_disclosure, published.release_activation TO lmo_api;

-- Confidential microdata: one row per graduate, linked to registers. Staging only; the API role cannot read it and
-- nothing from it reaches the published schema except the protected indicators.
CREATE TABLE staging.graduate (
    load_id            bigint   NOT NULL REFERENCES staging.load (id) ON DELETE CASCADE,
    line_no            integer  NOT NULL,
    graduate_id        text     NOT NULL,
    school             text     NOT NULL,
    school_name        text,
    country            text     NOT NULL,
    region             text     NOT NULL,
    municipality       text     NOT NULL,
    field              text     NOT NULL,
    isced_level        text,
    sex                char(1)  NOT NULL CHECK (sex IN ('F', 'M')),
    graduation_year    smallint NOT NULL,
    status_m06         text     NOT NULL CHECK (status_m06 IN ('employed', 'education', 'both', 'neet', 'unknown')),
    status_m12         text     NOT NULL CHECK (status_m12 IN ('employed', 'education', 'both', 'neet', 'unknown')),
    status_m24         text     NOT NULL CHECK (status_m24 IN ('employed', 'education', 'both', 'neet', 'unknown')),
    earnings_band_m06  smallint,
    earnings_band_m12  smallint,
    earnings_band_m24  smallint,
    in_field_m06       boolean,
    in_field_m12       boolean,
    in_field_m24       boolean
);
CREATE INDEX graduate_load_idx ON staging.graduate (load_id, graduate_id);
REVOKE ALL ON staging.graduate, staging.load_disclosure FROM PUBLIC;
