-- SDMX updatedAfter: the cells of the release that changed since an instant. later: the dataset's releases published
-- after the instant up to the one answered. Changed: the version valid in the release was written by one of them (added
-- or revised). Deleted (only when asked for): a version one of them closed, with no version valid in the release. Both
-- read each series by the primary key (series, period, first_release), as cells.sql does.
WITH later AS (
    SELECT coalesce(array_agg(r.id), '{}') AS ids
    FROM published.release r
    WHERE r.dataset_id = :dataset AND r.published_at > :since AND r.id <= :release
)
SELECT k.ord, o.period_start, o.value, o.flags, o.conf_status, false AS deleted
FROM unnest(:ids) WITH ORDINALITY AS k(series_id, ord) CROSS JOIN later
JOIN published.observation o ON o.series_id = k.series_id
 AND o.first_release <= :release AND (o.last_release IS NULL OR o.last_release > :release)
WHERE o.period_start >= :from AND o.period_start < :to
  AND o.first_release = ANY(later.ids)
UNION ALL
SELECT DISTINCT k.ord, o.period_start, NULL::numeric, NULL::text, NULL::text, true
FROM unnest(:ids) WITH ORDINALITY AS k(series_id, ord) CROSS JOIN later
JOIN published.observation o ON o.series_id = k.series_id AND o.last_release = ANY(later.ids)
WHERE :deletions AND o.period_start >= :from AND o.period_start < :to
  AND NOT EXISTS (SELECT 1 FROM published.observation n
                  WHERE n.series_id = o.series_id AND n.period_start = o.period_start
                    AND n.first_release <= :release AND (n.last_release IS NULL OR n.last_release > :release))
ORDER BY 1, 2
