-- Public, read-optimised model. The API reads only schema "published"; the loader writes "staging"
-- and publishes into "published" in one transaction.
CREATE SCHEMA IF NOT EXISTS published;
CREATE SCHEMA IF NOT EXISTS staging;

CREATE TABLE published.codelist (
    id          text PRIMARY KEY CHECK (id ~ '^[A-Za-z][A-Za-z0-9_.-]*$'),
    version     text,
    title       jsonb NOT NULL DEFAULT '{}',
    note        jsonb NOT NULL DEFAULT '{}',
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE published.code (
    codelist_id text    NOT NULL REFERENCES published.codelist (id) ON DELETE CASCADE,
    code_id     text    NOT NULL,
    parent_id   text,
    level       text,
    labels      jsonb   NOT NULL,
    sort_order  integer NOT NULL,
    PRIMARY KEY (codelist_id, code_id)
);

CREATE TABLE published.dataset (
    id                 text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]*$'),
    title              jsonb   NOT NULL,
    description        jsonb   NOT NULL DEFAULT '{}',
    theme              text    NOT NULL CHECK (theme IN ('labour-market', 'education', 'graduate-outcomes', 'skills-demand')),
    keywords           text[]  NOT NULL DEFAULT '{}',
    frequency          char(1) NOT NULL CHECK (frequency IN ('A', 'Q', 'M')),
    unit_id            text    NOT NULL,
    unit_label         jsonb   NOT NULL DEFAULT '{}',
    unit_multiplier    integer NOT NULL DEFAULT 0,
    decimals           integer NOT NULL DEFAULT 0,
    source             text    NOT NULL,
    licence            text    NOT NULL DEFAULT 'CC-BY-4.0',
    contact            text,
    methodology        jsonb   NOT NULL DEFAULT '{}',
    demonstration      boolean NOT NULL DEFAULT false,
    current_release_id bigint,
    updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE published.dataset_dimension (
    dataset_id   text    NOT NULL REFERENCES published.dataset (id) ON DELETE CASCADE,
    position     integer NOT NULL,
    dimension_id text    NOT NULL CHECK (dimension_id ~ '^[a-z][a-z0-9_]*$' AND dimension_id <> 'time'),
    codelist_id  text    NOT NULL REFERENCES published.codelist (id),
    role         text,
    label        jsonb   NOT NULL DEFAULT '{}',
    PRIMARY KEY (dataset_id, position),
    UNIQUE (dataset_id, dimension_id)
);

CREATE TABLE published.release (
    id             bigserial PRIMARY KEY,
    dataset_id     text        NOT NULL REFERENCES published.dataset (id),
    published_at   timestamptz NOT NULL DEFAULT now(),
    row_count      bigint      NOT NULL,
    input_checksum text        NOT NULL,
    input_file     text,
    note           text,
    period_min     date,
    period_max     date
);
CREATE INDEX release_dataset_idx ON published.release (dataset_id, published_at DESC);

ALTER TABLE published.dataset
    ADD CONSTRAINT dataset_current_release_fk FOREIGN KEY (current_release_id) REFERENCES published.release (id);

-- One row per distinct series key of a dataset; codes in the dataset's dimension order.
-- Observations reference series by id, so a 100M-row table stays narrow and filters on dimensions
-- resolve against this small table first.
CREATE TABLE published.series (
    id         bigserial PRIMARY KEY,
    dataset_id text   NOT NULL REFERENCES published.dataset (id),
    key        text[] NOT NULL,
    UNIQUE (dataset_id, key)
);

-- Every release keeps its own rows, so old releases stay reproducible and a publish is one insert plus
-- one pointer switch. Periods are stored as their first day; the dataset frequency gives the label.
CREATE TABLE published.observation (
    release_id   bigint  NOT NULL REFERENCES published.release (id),
    series_id    bigint  NOT NULL REFERENCES published.series (id),
    period_start date    NOT NULL,
    value        numeric,
    flags        text,
    PRIMARY KEY (release_id, series_id, period_start),
    CHECK (value IS NOT NULL OR flags IS NOT NULL),
    CHECK (flags IS NULL OR flags !~ 'c' OR value IS NULL)
);

-- Which series a release holds: lets queries and metadata consider only what the release publishes.
CREATE TABLE published.release_series (
    release_id bigint NOT NULL REFERENCES published.release (id),
    series_id  bigint NOT NULL REFERENCES published.series (id),
    PRIMARY KEY (release_id, series_id)
);

-- Loader bookkeeping and validated rows with the line they came from. Never visible to the API role.
CREATE TABLE staging.load (
    id           bigserial PRIMARY KEY,
    dataset_id   text        NOT NULL,
    file_name    text        NOT NULL,
    checksum     text        NOT NULL,
    format       text        NOT NULL DEFAULT 'long-csv',
    status       text        NOT NULL CHECK (status IN ('loading', 'valid', 'invalid', 'published', 'failed')),
    row_count    bigint      NOT NULL DEFAULT 0,
    error_count  integer     NOT NULL DEFAULT 0,
    started_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    release_id   bigint
);
CREATE INDEX load_dataset_idx ON staging.load (dataset_id, checksum);

CREATE TABLE staging.load_row (
    load_id      bigint  NOT NULL REFERENCES staging.load (id) ON DELETE CASCADE,
    line_no      integer NOT NULL,
    key          text[]  NOT NULL,
    period_start date    NOT NULL,
    value        numeric,
    flags        text
);
CREATE INDEX load_row_load_idx ON staging.load_row (load_id, key, period_start);

CREATE TABLE staging.load_error (
    load_id  bigint  NOT NULL REFERENCES staging.load (id) ON DELETE CASCADE,
    line_no  integer NOT NULL,
    col      text,
    message  text    NOT NULL
);
