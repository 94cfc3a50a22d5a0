INSERT INTO published.release_disclosure (release_id, rule, threshold, cells)
SELECT :release, rule, threshold, cells FROM staging.load_disclosure WHERE load_id = :load
