-- Cells of groups computed from their members' published cells, one row per group series and period. A part is one
-- member series of one group series in one period of the group's validity: role v is summed, n and d are the
-- numerator and denominator of a ratio. A group's periods do not overlap, so each cell counts the members of exactly
-- one period (members: how many it has). Each part reaches its cells through the observation primary key (series,
-- period, first_release) and the release's validity range, as a plain query does.
WITH part AS (
    SELECT * FROM unnest(:partSeries, CAST(:partOrds AS integer[]), CAST(:partRoles AS text[]), CAST(:partMembers AS integer[]),
                         CAST(:partFrom AS date[]), CAST(:partTo AS date[]))
             AS p(series_id, ord, role, members, valid_from, valid_to)
), target AS (
    SELECT * FROM unnest(CAST(:targetOrds AS integer[]), CAST(:targetRatio AS boolean[]), CAST(:targetScale AS numeric[]),
                         CAST(:targetDecimals AS integer[]))
             AS t(ord, ratio, scale, decimals)
), cell AS (
    SELECT p.ord, o.period_start,
           sum(o.value) FILTER (WHERE p.role = 'v')   AS total,
           sum(o.value) FILTER (WHERE p.role = 'n')   AS numerator,
           sum(o.value) FILTER (WHERE p.role = 'd')   AS denominator,
           count(o.value) FILTER (WHERE p.role = 'v') AS total_n,
           count(o.value) FILTER (WHERE p.role = 'n') AS numerator_n,
           count(o.value) FILTER (WHERE p.role = 'd') AS denominator_n,
           max(p.members)                             AS members,
           -- A withheld member withholds the group: published members plus the group would give it by subtraction.
           bool_or(o.value IS NULL AND o.flags ~ 'c')  AS withheld,
           string_agg(DISTINCT o.flags, '')            AS flags,
           bool_or(o.conf_status IS NOT NULL)          AS audited
    FROM part p
    JOIN published.observation o ON o.series_id = p.series_id
     AND o.first_release <= :release AND (o.last_release IS NULL OR o.last_release > :release)
    WHERE o.period_start >= greatest(:from, p.valid_from) AND o.period_start < :to AND o.period_start <= p.valid_to
      AND p.ord >= :startOrd AND (p.ord > :startOrd OR o.period_start > :after)
    GROUP BY p.ord, o.period_start
)
SELECT c.ord, c.period_start,
       CASE WHEN c.withheld THEN NULL
            WHEN t.ratio THEN round(t.scale * c.numerator / NULLIF(c.denominator, 0), t.decimals)
            ELSE c.total END AS value,
       c.withheld,
       CASE WHEN t.ratio THEN least(c.numerator_n, c.denominator_n) < c.members ELSE c.total_n < c.members END AS incomplete,
       coalesce(c.flags, '') AS flags,
       CASE WHEN c.withheld AND c.audited THEN 'D' WHEN c.audited THEN 'F' END AS conf_status
FROM cell c JOIN target t ON t.ord = c.ord
ORDER BY c.ord, c.period_start
LIMIT :max
