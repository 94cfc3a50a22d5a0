SELECT dimension_id, position, codelist_id, role, label::text AS label
FROM published.dataset_dimension WHERE dataset_id = :id ORDER BY position
