INSERT INTO published.codelist (id, version, title, note, updated_at)
VALUES (:id, :version, CAST(:title AS jsonb), CAST(:note AS jsonb), now())
ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, title = EXCLUDED.title,
    note = EXCLUDED.note, updated_at = now()
