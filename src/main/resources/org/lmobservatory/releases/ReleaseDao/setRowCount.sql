UPDATE published.release SET row_count = :rows, period_min = :lo, period_max = :hi WHERE id = :release
