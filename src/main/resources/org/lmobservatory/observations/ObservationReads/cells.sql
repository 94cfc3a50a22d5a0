SELECT k.ord, o.period_start, o.value, o.flags, o.conf_status
FROM unnest(:ids) WITH ORDINALITY AS k(series_id, ord)
-- The version of each cell valid in the release (V19): the primary key (series, period, first_release) finds it.
JOIN published.observation o ON o.series_id = k.series_id
 AND o.first_release <= :release AND (o.last_release IS NULL OR o.last_release > :release)
WHERE o.period_start >= :from AND o.period_start < :to
  AND (k.ord > 1 OR o.period_start > :after)
ORDER BY k.ord, o.period_start
LIMIT :max
