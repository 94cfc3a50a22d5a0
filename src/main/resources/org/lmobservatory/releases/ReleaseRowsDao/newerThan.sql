-- Whether a release of the dataset newer than the given one (0: none) was written and not cancelled, so that the
-- open versions are not that release's content (after a rollback, or with a release under embargo).
SELECT EXISTS (SELECT 1 FROM published.release
               WHERE dataset_id = :ds AND id > :base AND id <> :release AND status <> 'cancelled')
