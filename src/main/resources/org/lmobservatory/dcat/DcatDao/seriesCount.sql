SELECT count(*) FROM published.release_series WHERE release_id = :release
