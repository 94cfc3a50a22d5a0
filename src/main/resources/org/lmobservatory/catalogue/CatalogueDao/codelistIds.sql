SELECT id FROM published.codelist ORDER BY id
