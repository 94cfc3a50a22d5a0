-- Versioned storage by change (issue 16). Until now every release held a full copy of its dataset's cells, so a 1 %
-- monthly revision of a 20M-row table wrote 20M rows and ~2.4 GB. Now each version of a cell is stored once, valid for
-- the releases of its dataset with first_release <= id < last_release (last_release NULL: still part of the newest
-- written release). Release ids grow monotonically and a dataset's releases are written one at a time under its
-- advisory lock (releases/DatasetLock), so "the rows open at the time R is written" are exactly the newest written
-- state, and publishing R only closes (last_release = R) and inserts (first_release = R) what differs from it.
-- No dataset_id column: every reader reaches cells through a release's series (release_series or series), so the
-- series id already confines a row to its dataset; the primary key (series, period, first) serves each lookup.
CREATE TABLE published.observation_version (
    series_id     bigint NOT NULL,
    period_start  date   NOT NULL,
    first_release bigint NOT NULL,
    last_release  bigint,
    value         numeric,
    flags         text,
    conf_status   char(1),
    PRIMARY KEY (series_id, period_start, first_release),
    CHECK (last_release IS NULL OR last_release > first_release),
    CHECK (value IS NOT NULL OR flags IS NOT NULL),
    CHECK (flags IS NULL OR flags !~ 'c' OR value IS NULL),
    CHECK (conf_status IS NULL OR conf_status = 'F' OR (conf_status IN ('C', 'D') AND value IS NULL AND flags ~ 'c'))
);
-- A revision closes ~1 % of the cells (an update of last_release, which no index holds: HOT when the page has room) and
-- inserts their new versions next to the old ones in the primary key. Measured at 20M rows with 12 monthly 1 %
-- revisions (bench/VERSIONED.md): with the default fill factors the key's leaf pages split nearly all, and the storage
-- reached 1.5x one release (index 0.6 -> 1.5 GB); room left in each heap and leaf page absorbs a year of revisions.
ALTER TABLE published.observation_version SET (fillfactor = 95);
ALTER INDEX published.observation_version_pkey SET (fillfactor = 70);

-- Conversion: per cell, the releases of its dataset in id order (cancelled ones have no rows and are skipped), cut
-- into islands of consecutive releases with the identical cell (value compared with its scale, so 1.0 and 1.00 stay
-- apart, as a copy kept them). An island also ends after a scheduled (embargoed) release: row-level security hides
-- rows whose first_release is under embargo, so no version may start at one and reach a later, visible release.
-- An island's last_release is the release that follows its last one (NULL when that is the dataset's newest).
INSERT INTO published.observation_version (series_id, period_start, first_release, last_release, value, flags, conf_status)
WITH seq AS (
    SELECT id, status,
           row_number() OVER (PARTITION BY dataset_id ORDER BY id) AS pos,
           lead(id) OVER (PARTITION BY dataset_id ORDER BY id)     AS next_id
    FROM published.release WHERE status <> 'cancelled'
), cell AS (
    SELECT o.series_id, o.period_start, o.release_id, o.value, o.flags, o.conf_status, q.pos, q.next_id,
           CASE WHEN lag(q.pos) OVER w = q.pos - 1
                 AND lag(q.status) OVER w <> 'scheduled'
                 AND lag(o.value) OVER w IS NOT DISTINCT FROM o.value
                 AND lag(scale(o.value)) OVER w IS NOT DISTINCT FROM scale(o.value)
                 AND lag(o.flags) OVER w IS NOT DISTINCT FROM o.flags
                 AND lag(o.conf_status) OVER w IS NOT DISTINCT FROM o.conf_status
                THEN 0 ELSE 1 END AS starts
    FROM published.observation o JOIN seq q ON q.id = o.release_id
    WINDOW w AS (PARTITION BY o.series_id, o.period_start ORDER BY q.pos)
), island AS (
    SELECT *, sum(starts) OVER (PARTITION BY series_id, period_start ORDER BY pos) AS n FROM cell
)
SELECT series_id, period_start, min(release_id),
       (array_agg(next_id ORDER BY pos DESC))[1],
       (array_agg(value ORDER BY pos))[1], (array_agg(flags ORDER BY pos))[1], (array_agg(conf_status ORDER BY pos))[1]
FROM island
GROUP BY series_id, period_start, n;

-- The copies go (their policy with them); the versions take the name every reader knows.
DROP TABLE published.observation;
ALTER TABLE published.observation_version RENAME TO observation;
ALTER INDEX published.observation_version_pkey RENAME TO observation_pkey;

-- Embargo (V15) holds as before: the API role cannot see a version written by a release under embargo. Versions a
-- scheduled release closed (last_release = it) stay visible to the older releases they belong to, as they must.
ALTER TABLE published.observation ENABLE ROW LEVEL SECURITY;
CREATE POLICY observation_not_embargoed ON published.observation FOR SELECT
    USING (first_release <> ALL (CAST((SELECT published.embargoed_releases()) AS bigint[])));
GRANT SELECT ON published.observation TO lmo_api;
