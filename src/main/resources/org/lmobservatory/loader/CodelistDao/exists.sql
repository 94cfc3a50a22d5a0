SELECT count(*) > 0 FROM published.codelist WHERE id = :id
