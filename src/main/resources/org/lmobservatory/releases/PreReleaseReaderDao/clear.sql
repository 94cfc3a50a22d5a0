DELETE FROM publishing.release_reader WHERE release_id = :release
