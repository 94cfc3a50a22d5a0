UPDATE published.release SET status = 'scheduled', announced_at = :at WHERE id = :release
