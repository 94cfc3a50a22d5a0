SELECT EXISTS (SELECT 1 FROM published.dataset WHERE id = :id)
