-- Right after a merge is written its content is the open versions of its series; the period bounds come from one
-- probe per series at each end of the primary key (series, period, first_release), not from a scan of the release.
UPDATE published.release r SET row_count = :rows, period_min = b.lo, period_max = b.hi
FROM (SELECT min(m.lo) AS lo, max(m.hi) AS hi
      FROM published.release_series rs
      CROSS JOIN LATERAL (SELECT min(o.period_start) AS lo, max(o.period_start) AS hi FROM published.observation o
                          WHERE o.series_id = rs.series_id AND o.last_release IS NULL) m
      WHERE rs.release_id = :release) b
WHERE r.id = :release
