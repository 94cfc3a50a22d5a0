SELECT id FROM published.dataset ORDER BY id
