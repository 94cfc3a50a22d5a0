-- The three follow-ups (6, 12 and 24 months) as three column groups: statuses, earnings bands, in-field.
COPY staging.graduate (load_id, line_no, graduate_id, school, school_name, country, region, municipality, field,
    isced_level, sex, graduation_year, status_m06, status_m12, status_m24, earnings_band_m06, earnings_band_m12,
    earnings_band_m24, in_field_m06, in_field_m12, in_field_m24, record_key, content_hash) FROM STDIN
