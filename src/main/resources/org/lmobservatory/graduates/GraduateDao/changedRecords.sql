-- Per cohort, records added plus records removed since the release (a corrected record counts twice).
WITH now AS (SELECT graduation_year AS cohort, content_hash, count(*) AS n
             FROM staging.graduate WHERE load_id = :load GROUP BY 1, 2),
     was AS (SELECT cohort, content_hash, count(*) AS n
             FROM staging.release_digest WHERE release_id = :release GROUP BY 1, 2)
SELECT coalesce(now.cohort, was.cohort) AS cohort, sum(abs(coalesce(now.n, 0) - coalesce(was.n, 0))) AS changed,
       bool_or(now.cohort IS NOT NULL) AS in_load, bool_or(was.cohort IS NOT NULL) AS in_release
FROM now FULL JOIN was ON now.cohort = was.cohort AND now.content_hash = was.content_hash
GROUP BY 1
