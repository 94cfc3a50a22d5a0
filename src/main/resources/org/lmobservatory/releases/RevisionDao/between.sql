SELECT s.key, d.period_start, d.change, d.old_value, d.old_flags, d.old_conf, d.new_value, d.new_flags, d.new_conf
FROM (
    SELECT coalesce(a.series_id, b.series_id) AS series_id, coalesce(a.period_start, b.period_start) AS period_start,
           CASE WHEN a.series_id IS NULL THEN 'added' WHEN b.series_id IS NULL THEN 'removed' ELSE 'revised' END AS change,
           a.value AS old_value, a.flags AS old_flags, a.conf_status AS old_conf,
           b.value AS new_value, b.flags AS new_flags, b.conf_status AS new_conf
    FROM (SELECT o.* FROM published.release_series rs JOIN published.observation o ON o.series_id = rs.series_id
          WHERE rs.release_id = :from AND o.first_release <= :from AND (o.last_release IS NULL OR o.last_release > :from)) a
    FULL JOIN (SELECT o.* FROM published.release_series rs JOIN published.observation o ON o.series_id = rs.series_id
          WHERE rs.release_id = :to AND o.first_release <= :to AND (o.last_release IS NULL OR o.last_release > :to)) b
      ON a.series_id = b.series_id AND a.period_start = b.period_start
    WHERE a.series_id IS NULL OR b.series_id IS NULL OR a.value IS DISTINCT FROM b.value
       OR a.flags IS DISTINCT FROM b.flags OR a.conf_status IS DISTINCT FROM b.conf_status
    ORDER BY 1, 2
    LIMIT :limit
) d
JOIN published.series s ON s.id = d.series_id
ORDER BY d.series_id, d.period_start
