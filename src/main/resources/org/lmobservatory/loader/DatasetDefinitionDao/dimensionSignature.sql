-- Each dimension with its codelist, in key order, to compare with a new definition.
SELECT dimension_id || ':' || codelist_id
FROM published.dataset_dimension
WHERE dataset_id = :id
ORDER BY position
