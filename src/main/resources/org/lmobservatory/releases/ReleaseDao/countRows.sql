UPDATE published.release r SET row_count = :rows, period_min = b.lo, period_max = b.hi
FROM (SELECT min(period_start) AS lo, max(period_start) AS hi
      FROM published.observation WHERE release_id = :release) b
WHERE r.id = :release
