INSERT INTO published.codelist (id, title, updated_at) VALUES (:id, CAST(:title AS jsonb), now())
ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, updated_at = now()
