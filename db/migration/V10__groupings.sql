-- Groupings that users define over a codelist (issue 12): e.g. employment areas made of whole municipalities. Every load
-- of a changed grouping file is a new version; old versions stay, so an answer computed with one can be explained
-- later. Queries use the newest version, and within it each group applies to the periods of its validity.
CREATE TABLE published.grouping (
    id          text        NOT NULL CHECK (id ~ '^[A-Za-z][A-Za-z0-9_.-]*$'),
    version     integer     NOT NULL CHECK (version >= 1),
    codelist_id text        NOT NULL REFERENCES published.codelist (id) ON DELETE CASCADE,
    labels      jsonb       NOT NULL,
    description jsonb       NOT NULL DEFAULT '{}',
    -- SHA-256 of the canonical content: a reload of the same grouping is recognised and adds no version.
    checksum    text        NOT NULL,
    file_name   text,
    loaded_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id, version)
);
CREATE INDEX grouping_codelist_idx ON published.grouping (codelist_id, id, version DESC);

CREATE TABLE published.grouping_group (
    grouping_id text    NOT NULL,
    version     integer NOT NULL,
    code        text    NOT NULL,
    labels      jsonb   NOT NULL,
    valid_from  date,
    -- Inclusive, as written in the file; NULL: open.
    valid_to    date,
    sort_order  integer NOT NULL,
    PRIMARY KEY (grouping_id, version, code),
    FOREIGN KEY (grouping_id, version) REFERENCES published.grouping (id, version) ON DELETE CASCADE,
    CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_from <= valid_to)
);

-- Members are codes of the grouping's codelist, checked by the loader; not foreign keys, because a codelist is
-- rewritten whole when it is defined again.
CREATE TABLE published.grouping_member (
    grouping_id text    NOT NULL,
    version     integer NOT NULL,
    code        text    NOT NULL,
    member      text    NOT NULL,
    sort_order  integer NOT NULL,
    PRIMARY KEY (grouping_id, version, code, member),
    FOREIGN KEY (grouping_id, version, code) REFERENCES published.grouping_group (grouping_id, version, code) ON DELETE CASCADE
);

GRANT SELECT ON published.grouping, published.grouping_group, published.grouping_member TO lmo_api;
