UPDATE published.dataset SET current_release_id = :release, updated_at = now() WHERE id = :ds
