WITH f AS (
    SELECT g.graduation_year AS year, m.months, g.country, g.region, g.municipality, g.school,
           g.field, g.sex, m.status, m.band, m.in_field, g.record_key AS k,
           m.status IN ('employed', 'both') AS employed
    FROM staging.graduate g
    CROSS JOIN LATERAL (VALUES ('M06', g.status_m06, g.earnings_band_m06, g.in_field_m06),
                               ('M12', g.status_m12, g.earnings_band_m12, g.in_field_m12),
                               ('M24', g.status_m24, g.earnings_band_m24, g.in_field_m24))
        AS m(months, status, band, in_field)
    WHERE g.load_id = :load AND m.status <> 'unknown'
)
SELECT year, months,
       CASE WHEN GROUPING(school) = 0 THEN school WHEN GROUPING(municipality) = 0 THEN municipality
            WHEN GROUPING(region) = 0 THEN region ELSE country END AS geo,
       CASE WHEN GROUPING(field) = 0 THEN field ELSE 'TOTAL' END AS field,
       CASE WHEN GROUPING(sex) = 0 THEN sex ELSE 'T' END AS sex,
       count(*) AS tracked, sum(k) AS k_tracked,
       count(*) FILTER (WHERE employed) AS employed, coalesce(sum(k) FILTER (WHERE employed), 0) AS k_employed,
       count(*) FILTER (WHERE status IN ('education', 'both')) AS education,
       coalesce(sum(k) FILTER (WHERE status IN ('education', 'both')), 0) AS k_education,
       count(*) FILTER (WHERE status = 'neet') AS neet, coalesce(sum(k) FILTER (WHERE status = 'neet'), 0) AS k_neet,
       count(*) FILTER (WHERE status = 'both') AS both_, 0 AS k_both,
       count(*) FILTER (WHERE employed AND in_field) AS in_field,
       coalesce(sum(k) FILTER (WHERE employed AND in_field), 0) AS k_in_field,
       count(*) FILTER (WHERE employed AND in_field IS NOT NULL) AS in_field_known,
       coalesce(sum(k) FILTER (WHERE employed AND in_field IS NOT NULL), 0) AS k_in_field_known,
       count(*) FILTER (WHERE employed AND band IS NOT NULL) AS earnings_known,
       coalesce(sum(k) FILTER (WHERE employed AND band IS NOT NULL), 0) AS k_earnings_known,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY band) FILTER (WHERE employed) AS earnings_median
FROM f
GROUP BY year, months, ROLLUP (country, region, municipality, school), CUBE (field, sex)
-- the published breakdowns, and school x field x sex: never published, but every published cell is a sum of them
HAVING GROUPING(country) = 0
   AND (((GROUPING(municipality) = 1 OR GROUPING(field) = 1) AND (GROUPING(region) = 1 OR GROUPING(field) = 1 OR GROUPING(sex) = 1))
        OR (GROUPING(school) = 0 AND GROUPING(field) = 0 AND GROUPING(sex) = 0))
ORDER BY year, months
