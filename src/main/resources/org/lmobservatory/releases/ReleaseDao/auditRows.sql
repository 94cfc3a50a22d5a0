SELECT release_id, rule, threshold, cells FROM published.release_disclosure
WHERE release_id = ANY(:ids)
ORDER BY release_id, array_position(ARRAY['population', 'count', 'secondary', 'rounding'], rule)
