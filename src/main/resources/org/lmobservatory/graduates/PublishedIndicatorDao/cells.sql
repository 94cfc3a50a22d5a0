SELECT s.key, extract(year FROM o.period_start)::int AS year, o.value
FROM published.release_series rs
JOIN published.observation o ON o.series_id = rs.series_id AND o.first_release <= :release AND (o.last_release IS NULL OR o.last_release > :release)
JOIN published.series s ON s.id = o.series_id
WHERE rs.release_id = :release AND extract(year FROM o.period_start)::int = ANY(:cohorts)
