-- Every repeated graduate id at its later lines, with the line it was first seen on.
SELECT line_no, graduate_id, first_line FROM (
    SELECT line_no, graduate_id, min(line_no) OVER (PARTITION BY graduate_id) AS first_line
    FROM staging.graduate WHERE load_id = :id) g
WHERE line_no <> first_line
ORDER BY line_no
LIMIT :max
