INSERT INTO publishing.release_reader (release_id, readers) VALUES (:release, :readers)
ON CONFLICT (release_id) DO UPDATE SET readers = excluded.readers, changed_at = now()
