UPDATE published.release SET status = 'cancelled' WHERE id = :release AND status = 'scheduled'
