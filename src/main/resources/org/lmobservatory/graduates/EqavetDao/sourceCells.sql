-- Walks the release's own series (release_series, then the observation primary key), so only this release is read.
SELECT s.key[:geoAt] AS geo, s.key[:indicatorAt] AS indicator, o.period_start, o.value, o.flags, o.conf_status
FROM published.release_series rs
JOIN published.series s ON s.id = rs.series_id
JOIN published.observation o ON o.series_id = rs.series_id
 AND o.first_release <= rs.release_id AND (o.last_release IS NULL OR o.last_release > rs.release_id)
WHERE rs.release_id = :release
  AND s.key[:geoAt] = ANY(:geos)
  AND s.key[:fieldAt] = :field
  AND s.key[:sexAt] = :sex
  AND s.key[:monthsAt] = :months
  AND s.key[:indicatorAt] = ANY(:indicators)
ORDER BY geo, indicator, o.period_start
