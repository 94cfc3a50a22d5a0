-- Re-checked under the dataset lock: of several instances racing at the instant, only the first finds it still
-- scheduled; the others update nothing.
UPDATE published.release SET status = 'published', published_at = now()
WHERE id = :release AND status = 'scheduled' AND announced_at <= now()
RETURNING announced_at
