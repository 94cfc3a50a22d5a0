-- Search that finds (issue 13): one row per searchable text of a dataset — a title, a description, a keyword or the
-- label of a code the current release uses — in every language it exists in, folded (lower case, accents removed)
-- and stemmed where PostgreSQL has a stemmer for the language. Rebuilt per dataset by
-- staging.refresh_dataset_search whenever the dataset's current release or definition changes; the API only reads it.
--
-- unaccent and pg_trgm ship with PostgreSQL (contrib) and are trusted extensions since PostgreSQL 13, so the
-- database owner may create them without being a superuser. Both are in the embedded PostgreSQL 17. They go to schema
-- public, which every role's default search_path names: the API's search query uses unaccent() and the trigram
-- operators unqualified. (A database that already has them in another schema must have that schema in search_path.)
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;

-- Text-search configurations that fold accents before stemming, so that "tyottomat" and "työttömät" give the same
-- stem. PostgreSQL has Snowball stemmers for English, Finnish, Swedish and Serbian; Albanian, Bulgarian, Polish and
-- Czech have none, and use lmo_simple (folded words, no stemming): for them, word similarity below carries the
-- inflections ("bezrobocie" ~ "bezrobocia").
CREATE TEXT SEARCH CONFIGURATION published.lmo_simple (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION published.lmo_simple ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, simple;
CREATE TEXT SEARCH CONFIGURATION published.lmo_english (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION published.lmo_english ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, english_stem;
CREATE TEXT SEARCH CONFIGURATION published.lmo_finnish (COPY = pg_catalog.finnish);
ALTER TEXT SEARCH CONFIGURATION published.lmo_finnish ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, finnish_stem;
CREATE TEXT SEARCH CONFIGURATION published.lmo_swedish (COPY = pg_catalog.swedish);
ALTER TEXT SEARCH CONFIGURATION published.lmo_swedish ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, swedish_stem;
CREATE TEXT SEARCH CONFIGURATION published.lmo_serbian (COPY = pg_catalog.serbian);
ALTER TEXT SEARCH CONFIGURATION published.lmo_serbian ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, serbian_stem;

CREATE TABLE published.dataset_search (
    dataset_id text NOT NULL REFERENCES published.dataset (id) ON DELETE CASCADE,
    -- What the text is; the rank of a match depends on it (a title outranks a code label, which outranks a description).
    field      text NOT NULL CHECK (field IN ('title', 'keyword', 'code', 'description')),
    lang       text NOT NULL,
    folded     text NOT NULL,
    stems      tsvector NOT NULL
);
-- Word similarity (query <% folded) and stem matches (stems @@ query) are both answered from these indexes.
CREATE INDEX dataset_search_trgm ON published.dataset_search USING gin (folded public.gin_trgm_ops);
CREATE INDEX dataset_search_stems ON published.dataset_search USING gin (stems);
CREATE INDEX dataset_search_dataset ON published.dataset_search (dataset_id);

GRANT SELECT ON published.dataset_search TO lmo_api;

-- The stemming configuration of a label language.
CREATE FUNCTION published.search_config(lang text) RETURNS regconfig LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE lang
               WHEN 'en' THEN 'published.lmo_english'
               WHEN 'fi' THEN 'published.lmo_finnish'
               WHEN 'sv' THEN 'published.lmo_swedish'
               WHEN 'sr' THEN 'published.lmo_serbian'
               ELSE 'published.lmo_simple' END::regconfig
$$;

-- In staging, which the API role cannot see: only the loader rebuilds a dataset's search rows. Returns how many.
-- Its own search_path: Flyway runs migrations with search_path = published, the loader with the default.
CREATE FUNCTION staging.refresh_dataset_search(ds text) RETURNS integer LANGUAGE sql SET search_path = public, pg_catalog AS $$
    DELETE FROM published.dataset_search WHERE dataset_id = ds;
    WITH used AS (
        -- The codes the current release actually uses, per key position (1-based, as arrays count).
        SELECT DISTINCT k.pos, k.code
        FROM published.dataset d
        JOIN published.release_series rs ON rs.release_id = d.current_release_id
        JOIN published.series s ON s.id = rs.series_id
        CROSS JOIN LATERAL unnest(s.key) WITH ORDINALITY AS k(code, pos)
        WHERE d.id = ds
    ), labelled AS (
        SELECT 'title' AS field, t.key AS lang, t.value AS label
        FROM published.dataset d, jsonb_each_text(d.title) t WHERE d.id = ds
        UNION
        SELECT 'description', t.key, t.value
        FROM published.dataset d, jsonb_each_text(d.description) t WHERE d.id = ds
        UNION
        SELECT 'keyword', '', k
        FROM published.dataset d, unnest(d.keywords || d.id) k WHERE d.id = ds
        UNION
        SELECT 'code', l.key, l.value
        FROM used
        JOIN published.dataset_dimension dd ON dd.dataset_id = ds AND dd.position = used.pos - 1
        JOIN published.code c ON c.codelist_id = dd.codelist_id AND c.code_id = used.code
        CROSS JOIN LATERAL jsonb_each_text(c.labels) l
    ), inserted AS (
        INSERT INTO published.dataset_search (dataset_id, field, lang, folded, stems)
        SELECT ds, field, lang, lower(unaccent(label)), to_tsvector(published.search_config(lang), label)
        FROM labelled WHERE label <> ''
        RETURNING 1
    )
    SELECT count(*)::integer FROM inserted;
$$;

SELECT staging.refresh_dataset_search(id) FROM published.dataset;
