SELECT code_id, kind, unit_id, unit_label::text AS unit_label, unit_multiplier, decimals, numerator, denominator, scale,
       codelist_id
FROM published.dataset_measure WHERE dataset_id = :id ORDER BY sort_order
