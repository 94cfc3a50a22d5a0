DELETE FROM published.observation WHERE release_id = :release
