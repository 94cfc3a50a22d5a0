-- The sum of content hashes is independent of row order.
SELECT graduation_year AS year, sum(content_hash)::text AS digest, count(*) AS records
FROM staging.graduate
WHERE load_id = :load
GROUP BY graduation_year
ORDER BY graduation_year
