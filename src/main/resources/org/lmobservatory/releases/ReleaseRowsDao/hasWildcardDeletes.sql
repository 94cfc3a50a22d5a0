SELECT EXISTS (SELECT 1 FROM staging.load_row d
               WHERE d.load_id = :load AND d.action = 'D' AND (d.period_start IS NULL OR '' = ANY (d.key)))
