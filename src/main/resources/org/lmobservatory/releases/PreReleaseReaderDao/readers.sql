SELECT CAST(to_json(readers) AS text) FROM publishing.release_reader WHERE release_id = :release
