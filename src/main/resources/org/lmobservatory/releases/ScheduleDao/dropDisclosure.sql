DELETE FROM published.release_disclosure WHERE release_id = :release
