SELECT id, version, title::text AS title, note::text AS note FROM published.codelist WHERE id = :id
