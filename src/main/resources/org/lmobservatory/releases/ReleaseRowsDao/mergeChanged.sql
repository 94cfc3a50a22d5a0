-- Merge in one pass (issue 16, bench/VERSIONED.md run 4): each staged line probes the observation primary key once for
-- its cell's open version; lines that repeat it exactly drop out in the join, the others close it (found again by
-- ctid, not by a second probe) and insert their own. Staged lines go in key order, so the probes walk the key in order.
-- A cell sent twice (a delete and a line sending it anew) counts as the line that sends it: deletions come first.
-- Wildcard deletes (closeWildcardDeletes.sql) run before this, so a cell they closed is inserted anew here. An open
-- version this release wrote itself (rebaseReopen.sql, after a rollback) cannot end where it starts: it is rewritten
-- in place, or deleted by a delete line.
WITH staged AS MATERIALIZED (
    SELECT DISTINCT ON (s.id, r.period_start) s.id AS series_id, r.period_start, r.action, r.value, r.flags, r.conf_status
    FROM staging.load_row r
    JOIN published.series s ON s.dataset_id = :ds AND s.key = r.key
    WHERE r.load_id = :load AND r.period_start IS NOT NULL
    ORDER BY s.id, r.period_start, r.action = 'D'
), changed AS MATERIALIZED (
    SELECT t.series_id, t.period_start, t.action, t.value, t.flags, t.conf_status, o.ctid AS version,
           o.first_release = :release AS own
    FROM staged t
    LEFT JOIN published.observation o
           ON o.series_id = t.series_id AND o.period_start = t.period_start AND o.last_release IS NULL
    WHERE CASE WHEN o.ctid IS NULL THEN t.action <> 'D'
               ELSE t.action = 'D' OR NOT (t.value IS NOT DISTINCT FROM o.value AND scale(t.value) IS NOT DISTINCT FROM scale(o.value)
                    AND t.flags IS NOT DISTINCT FROM o.flags AND t.conf_status IS NOT DISTINCT FROM o.conf_status) END
), closed AS (
    UPDATE published.observation o SET last_release = :release
    FROM changed c
    WHERE c.version IS NOT NULL AND NOT c.own AND o.ctid = c.version
    RETURNING c.action, c.period_start
), dropped AS (
    DELETE FROM published.observation o
    USING changed c
    WHERE c.own AND c.action = 'D' AND o.ctid = c.version
    RETURNING c.action, c.period_start
), rewritten AS (
    UPDATE published.observation o SET value = c.value, flags = c.flags, conf_status = c.conf_status
    FROM changed c
    WHERE c.own AND c.action <> 'D' AND o.ctid = c.version
), removed AS (
    SELECT action, period_start FROM closed UNION ALL SELECT action, period_start FROM dropped
), inserted AS (
    INSERT INTO published.observation (series_id, period_start, first_release, value, flags, conf_status)
    SELECT series_id, period_start, :release, value, flags, conf_status FROM changed WHERE action <> 'D' AND own IS NOT TRUE
    RETURNING period_start
)
SELECT (SELECT count(*) FROM removed) AS closed,
       (SELECT count(*) FROM inserted) AS inserted,
       (SELECT min(period_start) FROM inserted) AS inserted_min,
       (SELECT max(period_start) FROM inserted) AS inserted_max,
       (SELECT min(period_start) FROM removed WHERE action = 'D') AS deleted_min,
       (SELECT max(period_start) FROM removed WHERE action = 'D') AS deleted_max
