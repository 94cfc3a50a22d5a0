SELECT current_release_id FROM published.dataset WHERE id = :ds
