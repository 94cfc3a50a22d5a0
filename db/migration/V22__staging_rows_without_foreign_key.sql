-- Issue 16, the loader's speed. COPY of 2,160,000 staged rows into a copy of staging.load_row took 17.8-23.2 s with
-- the foreign key to staging.load and 5.1-5.3 s without it (same rows, same machine, psql \copy): the key's trigger
-- runs once per row and queues every row's check in memory until the end of the statement. Nothing needs it: rows
-- are written only by the loader (LoadService.stage), which creates their load first and then copies them, and no code
-- deletes a load (the key's ON DELETE CASCADE never fires): a row's load_id is always the load just created.
ALTER TABLE staging.load_row DROP CONSTRAINT IF EXISTS load_row_load_id_fkey;
