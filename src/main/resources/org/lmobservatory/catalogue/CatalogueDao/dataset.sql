SELECT d.id, d.title::text AS title, d.description::text AS description, d.theme, d.keywords, d.frequency,
       d.unit_id, d.unit_label::text AS unit_label, d.unit_multiplier, d.decimals, d.source, d.licence, d.contact,
       d.methodology::text AS methodology, d.demonstration, d.current_release_id, d.updated_at, d.measure_dimension,
       d.discontinued_on,
       -- The loader refuses a successor that is not defined; this keeps a link to one that is gone from ever being served.
       (SELECT s.id FROM published.dataset s WHERE s.id = d.successor_id) AS successor_id
FROM published.dataset d WHERE d.id = :id
