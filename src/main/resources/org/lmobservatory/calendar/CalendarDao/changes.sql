SELECT release_id, action, announced_at, previous_at, reason, changed_at
FROM published.release_schedule_change
WHERE release_id = ANY(:ids)
ORDER BY release_id, id
