-- Issue 12: categorical measures, themes as a codelist, dataset lifecycle.

-- A measure of kind 'category' names the codelist its values are codes of (e.g. BAROMETER_RATING).
ALTER TABLE published.dataset_measure ADD COLUMN codelist_id text REFERENCES published.codelist (id);
ALTER TABLE published.dataset_measure ADD CONSTRAINT dataset_measure_category_codelist
    CHECK ((kind = 'category') = (codelist_id IS NOT NULL));

-- Observations keep one numeric value column, so publish, merge, revision and download paths stay as they are, and so
-- do their indexes: a category is stored as its position (1, 2, …) in this table, fixed when the dataset is defined.
-- The position is not the codelist's sort order, which a later definition of the codelist may change: a published
-- position must keep meaning the same code (the loader refuses a redefinition that moves one).
CREATE TABLE published.measure_category (
    dataset_id   text    NOT NULL,
    measure_code text    NOT NULL,
    position     integer NOT NULL CHECK (position > 0),
    code_id      text    NOT NULL,
    PRIMARY KEY (dataset_id, measure_code, position),
    UNIQUE (dataset_id, measure_code, code_id),
    FOREIGN KEY (dataset_id, measure_code) REFERENCES published.dataset_measure (dataset_id, code_id) ON DELETE CASCADE
);
GRANT SELECT ON published.measure_category TO lmo_api;

-- Themes: a codelist (labels in every offered language) instead of a CHECK of four ids. Data owners add themes by
-- defining THEME again with more codes; the loader checks a dataset's theme against it. The four themes of the CHECK
-- are inserted here so every database that passed the CHECK still has valid themes.
ALTER TABLE published.dataset DROP CONSTRAINT IF EXISTS dataset_theme_check;

INSERT INTO published.codelist (id, version, title, note)
VALUES ('THEME', NULL,
        '{"en": "Themes of the catalogue", "fi": "Luettelon teemat", "sv": "Katalogens teman", "sq": "Temat e katalogut", "bg": "Теми на каталога", "pl": "Tematy katalogu", "cs": "Témata katalogu"}',
        '{"en": "The theme of each dataset; a dataset definition names one of these codes."}')
ON CONFLICT (id) DO NOTHING;

INSERT INTO published.code (codelist_id, code_id, parent_id, level, labels, sort_order) VALUES
    ('THEME', 'labour-market', NULL, 'theme',
     '{"en": "Labour market", "fi": "Työmarkkinat", "sv": "Arbetsmarknad", "sq": "Tregu i punës", "bg": "Пазар на труда", "pl": "Rynek pracy", "cs": "Trh práce"}', 0),
    ('THEME', 'education', NULL, 'theme',
     '{"en": "Education and training", "fi": "Koulutus", "sv": "Utbildning", "sq": "Arsimi dhe aftësimi", "bg": "Образование и обучение", "pl": "Edukacja i szkolenia", "cs": "Vzdělávání a odborná příprava"}', 1),
    ('THEME', 'graduate-outcomes', NULL, 'theme',
     '{"en": "Graduate outcomes", "fi": "Valmistuneiden sijoittuminen", "sv": "Utexaminerades etablering", "sq": "Rezultatet e të diplomuarve", "bg": "Реализация на завършилите", "pl": "Losy absolwentów", "cs": "Uplatnění absolventů"}', 2),
    ('THEME', 'skills-demand', NULL, 'theme',
     '{"en": "Skills demand", "fi": "Osaamistarpeet", "sv": "Kompetensbehov", "sq": "Kërkesa për aftësi", "bg": "Търсене на умения", "pl": "Zapotrzebowanie na umiejętności", "cs": "Poptávka po dovednostech"}', 3)
ON CONFLICT (codelist_id, code_id) DO NOTHING;

-- Lifecycle: a dataset may be discontinued (no new releases expected after that date) and name its successor. The
-- successor is not a foreign key: it may be announced before it is defined.
ALTER TABLE published.dataset ADD COLUMN discontinued_on date;
ALTER TABLE published.dataset ADD COLUMN successor_id text CHECK (successor_id ~ '^[a-z0-9][a-z0-9-]*$' AND successor_id <> id);
