-- Code labels are searched only where a dataset uses them, so only those datasets are refreshed.
SELECT staging.refresh_dataset_search(dataset_id)
FROM (SELECT DISTINCT dataset_id FROM published.dataset_dimension WHERE codelist_id = :id) AS users
