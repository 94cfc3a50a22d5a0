INSERT INTO published.dataset (id, title, description, theme, keywords, frequency, unit_id, unit_label,
    unit_multiplier, decimals, source, licence, contact, methodology, demonstration, measure_dimension,
    discontinued_on, successor_id, updated_at)
VALUES (:id, CAST(:title AS jsonb), CAST(:description AS jsonb), :theme, :keywords, :frequency, :unitId,
    CAST(:unitLabel AS jsonb), :unitMultiplier, :decimals, :source, :licence, :contact,
    CAST(:methodology AS jsonb), :demonstration, :measureDimension,
    :discontinuedOn, :successor, now())
ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description,
    theme = EXCLUDED.theme, keywords = EXCLUDED.keywords, frequency = EXCLUDED.frequency,
    unit_id = EXCLUDED.unit_id, unit_label = EXCLUDED.unit_label,
    unit_multiplier = EXCLUDED.unit_multiplier, decimals = EXCLUDED.decimals,
    source = EXCLUDED.source, licence = EXCLUDED.licence, contact = EXCLUDED.contact,
    methodology = EXCLUDED.methodology, demonstration = EXCLUDED.demonstration,
    measure_dimension = EXCLUDED.measure_dimension,
    discontinued_on = EXCLUDED.discontinued_on, successor_id = EXCLUDED.successor_id, updated_at = now()
