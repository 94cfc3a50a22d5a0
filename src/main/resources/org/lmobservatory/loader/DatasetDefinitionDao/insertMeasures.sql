INSERT INTO published.dataset_measure (dataset_id, code_id, kind, unit_id, unit_label, unit_multiplier, decimals,
    numerator, denominator, scale, sort_order, codelist_id)
VALUES (:ds, :code, :kind, :unitId, CAST(:unitLabel AS jsonb), :unitMultiplier, :decimals,
    :numerator, :denominator, :scale, :sortOrder, :codelist)
