SELECT s.id, s.key FROM published.release_series rs
JOIN published.series s ON s.id = rs.series_id
WHERE rs.release_id = :release
<filters>
