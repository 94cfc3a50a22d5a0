-- What the release was computed from, per record and cohort, so a later load can count the records that changed.
INSERT INTO staging.release_digest (release_id, cohort, content_hash)
SELECT :release, graduation_year, content_hash
FROM staging.graduate
WHERE load_id = :load
