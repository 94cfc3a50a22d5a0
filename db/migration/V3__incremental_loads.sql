-- Incremental loads (SDMX-CSV files with an ACTION column): the load is merged into the current release on
-- publish instead of replacing it. A delete row may leave codes empty (any code) or the period empty (every period).
ALTER TABLE staging.load
    ADD COLUMN mode text NOT NULL DEFAULT 'replace' CHECK (mode IN ('replace', 'merge'));

ALTER TABLE staging.load_row
    ADD COLUMN action char(1) CHECK (action IN ('I', 'A', 'M', 'R', 'D'));

ALTER TABLE staging.load_row
    ALTER COLUMN period_start DROP NOT NULL,
    ADD CONSTRAINT load_row_period_only_null_for_delete CHECK (period_start IS NOT NULL OR action = 'D');
