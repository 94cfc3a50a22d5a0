-- Versions are text, where '9' sorts after '16': compared as numbers, part by part (Flyway allows 1.2.3).
SELECT version FROM published.flyway_schema_history WHERE success AND version IS NOT NULL
ORDER BY string_to_array(version, '.')::int[] DESC LIMIT 1
