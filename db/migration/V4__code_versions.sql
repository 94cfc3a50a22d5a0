-- Classification versions of codes (e.g. NUTS2016, NUTS2021) and how codes of one version became codes of a
-- later one. NULL valid_in means the codelist is not versioned: the code is simply valid.
ALTER TABLE published.code ADD COLUMN valid_in text[];

-- One row per (old code → new code) step between two consecutive versions of a classification. A code split in
-- two has two rows of kind 'split'; two codes merged into one have a row each of kind 'merge'. Codes are not
-- foreign keys: a successor table may mention codes that a trimmed codelist no longer lists.
CREATE TABLE published.code_successor (
    codelist_id  text NOT NULL REFERENCES published.codelist (id) ON DELETE CASCADE,
    code_id      text NOT NULL,
    successor_id text NOT NULL,
    from_version text NOT NULL,
    to_version   text NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('recode', 'split', 'merge', 'boundary')),
    PRIMARY KEY (codelist_id, code_id, from_version, successor_id)
);

-- The default privileges of V2 cover tables the migrating user creates, but say it explicitly: the API reads this.
GRANT SELECT ON published.code_successor TO lmo_api;
