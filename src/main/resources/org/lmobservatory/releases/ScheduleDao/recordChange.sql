INSERT INTO published.release_schedule_change (release_id, action, announced_at, previous_at, reason)
VALUES (:release, :action, :at, :previous, :reason)
