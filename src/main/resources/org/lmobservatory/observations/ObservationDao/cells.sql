SELECT k.ord, o.period_start, o.value, o.flags, o.conf_status
FROM unnest(:ids) WITH ORDINALITY AS k(series_id, ord)
JOIN published.observation o ON o.release_id = :release AND o.series_id = k.series_id
WHERE o.period_start >= :from AND o.period_start < :to
  AND (k.ord > 1 OR o.period_start > :after)
ORDER BY k.ord, o.period_start
LIMIT :max
