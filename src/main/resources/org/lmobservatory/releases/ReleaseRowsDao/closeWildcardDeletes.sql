-- Deletes with an empty code or no period (wildcards) match by element-wise comparison, so they read every open
-- version of the dataset; only loads that have such lines run this.
UPDATE published.observation o SET last_release = :release
FROM published.series s
WHERE s.dataset_id = :ds AND o.series_id = s.id AND o.last_release IS NULL
  AND EXISTS (SELECT 1 FROM staging.load_row d
              WHERE d.load_id = :load AND d.action = 'D'
                AND (d.period_start IS NULL OR '' = ANY (d.key))
                AND (d.period_start IS NULL OR d.period_start = o.period_start)
                AND NOT EXISTS (SELECT 1 FROM generate_subscripts(d.key, 1) AS i
                                WHERE d.key[i] <> '' AND d.key[i] IS DISTINCT FROM s.key[i]))
