-- Deletes with an empty code or no period (wildcards) match by element-wise comparison, so they read every open
-- version of the dataset; only loads that have such lines run this. A matched version this release wrote itself
-- (rebaseReopen.sql, after a rollback) cannot end where it starts: it is deleted instead of closed.
WITH matched AS MATERIALIZED (
    SELECT o.series_id, o.period_start, o.first_release
    FROM published.observation o
    JOIN published.series s ON o.series_id = s.id
    WHERE s.dataset_id = :ds AND o.last_release IS NULL
      AND EXISTS (SELECT 1 FROM staging.load_row d
                  WHERE d.load_id = :load AND d.action = 'D'
                    AND (d.period_start IS NULL OR '' = ANY (d.key))
                    AND (d.period_start IS NULL OR d.period_start = o.period_start)
                    AND NOT EXISTS (SELECT 1 FROM generate_subscripts(d.key, 1) AS i
                                    WHERE d.key[i] <> '' AND d.key[i] IS DISTINCT FROM s.key[i]))
), closed AS (
    UPDATE published.observation o SET last_release = :release
    FROM matched m
    WHERE m.first_release <> :release
      AND o.series_id = m.series_id AND o.period_start = m.period_start AND o.first_release = m.first_release
    RETURNING 1
), dropped AS (
    DELETE FROM published.observation o
    USING matched m
    WHERE m.first_release = :release
      AND o.series_id = m.series_id AND o.period_start = m.period_start AND o.first_release = m.first_release
    RETURNING 1
)
SELECT (SELECT count(*) FROM closed) + (SELECT count(*) FROM dropped)
