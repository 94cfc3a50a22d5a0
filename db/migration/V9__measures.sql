-- Measures with their own units (issue 12). A dataset may name one of its dimensions as its measure dimension; each
-- code of that dimension is a measure with its own unit, multiplier, decimals and kind. A dataset without one keeps
-- the single unit in published.dataset, which stays the unit of every value of such a dataset.
ALTER TABLE published.dataset ADD COLUMN measure_dimension text;

CREATE TABLE published.dataset_measure (
    dataset_id      text    NOT NULL REFERENCES published.dataset (id) ON DELETE CASCADE,
    code_id         text    NOT NULL,
    kind            text    NOT NULL CHECK (kind IN ('count', 'ratio', 'mean', 'median', 'quantile', 'category')),
    unit_id         text    NOT NULL,
    unit_label      jsonb   NOT NULL DEFAULT '{}',
    unit_multiplier integer NOT NULL DEFAULT 0,
    decimals        integer NOT NULL DEFAULT 0 CHECK (decimals BETWEEN 0 AND 15),
    -- Ratios: the measures (codes of the same dimension) whose quotient, times scale, the value is.
    numerator       text,
    denominator     text,
    scale           numeric,
    sort_order      integer NOT NULL,
    PRIMARY KEY (dataset_id, code_id),
    CHECK ((kind = 'ratio') = (scale IS NOT NULL))
);

GRANT SELECT ON published.dataset_measure TO lmo_api;
