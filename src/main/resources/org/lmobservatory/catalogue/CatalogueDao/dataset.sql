SELECT id, title::text AS title, description::text AS description, theme, keywords, frequency,
       unit_id, unit_label::text AS unit_label, unit_multiplier, decimals, source, licence, contact,
       methodology::text AS methodology, demonstration, current_release_id, updated_at, measure_dimension,
       discontinued_on, successor_id
FROM published.dataset WHERE id = :id
