SELECT s.key, extract(year FROM o.period_start)::int AS year, o.value
FROM published.observation o JOIN published.series s ON s.id = o.series_id
WHERE o.release_id = :release AND extract(year FROM o.period_start)::int = ANY(:cohorts)
