-- Every release still waiting, and those whose instant fell within the last recentDays (published or cancelled).
SELECT c.id, c.dataset_id, c.status, c.announced_at, c.published_at, c.note
FROM published.release_calendar c
WHERE (CAST(:ds AS text) IS NULL OR c.dataset_id = :ds)
  AND (c.status = 'scheduled' OR c.announced_at >= now() - make_interval(days => :recentDays))
ORDER BY c.announced_at, c.id
