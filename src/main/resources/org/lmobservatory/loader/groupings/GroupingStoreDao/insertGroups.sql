INSERT INTO published.grouping_group (grouping_id, version, code, labels, valid_from, valid_to, sort_order)
VALUES (:id, :version, :code, CAST(:labels AS jsonb), :validFrom, :validTo, :sort)
