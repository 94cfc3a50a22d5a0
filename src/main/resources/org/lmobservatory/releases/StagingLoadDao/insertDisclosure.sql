INSERT INTO staging.load_disclosure (load_id, rule, threshold, cells) VALUES (:id, :rule, :threshold, :cells)
