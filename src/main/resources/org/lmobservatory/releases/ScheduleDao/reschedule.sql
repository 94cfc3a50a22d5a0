UPDATE published.release SET announced_at = :at WHERE id = :release AND status = 'scheduled'
