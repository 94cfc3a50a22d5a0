SELECT code_id FROM published.measure_category
WHERE dataset_id = :ds AND measure_code = :measure
ORDER BY position
