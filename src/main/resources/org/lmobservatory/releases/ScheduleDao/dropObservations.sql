-- The versions the cancelled release wrote (first_release = it) were never public: they go. Those still open are its
-- own content; a later release published meanwhile closed and rewrote them (ReleaseRowsDao/reversionEmbargoed.sql).
DELETE FROM published.observation o
USING published.release r, published.series s
WHERE r.id = :release AND s.dataset_id = r.dataset_id AND o.series_id = s.id AND o.first_release = :release
