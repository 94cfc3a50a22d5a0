-- Measured in bench/: at 777k rows the staging index made COPY 7x slower (8.9 s vs 1.2 s) and the two foreign keys
-- of published.observation were 77 % of publish time (one trigger call per row, queued in memory). Staging rows are
-- read per load by a sequential scan of a table that holds only unpublished loads; observation rows are written only by
-- the publisher, whose join with release and series already guarantees both references.
DROP INDEX IF EXISTS staging.load_row_load_idx;
ALTER TABLE published.observation DROP CONSTRAINT IF EXISTS observation_release_id_fkey;
ALTER TABLE published.observation DROP CONSTRAINT IF EXISTS observation_series_id_fkey;
