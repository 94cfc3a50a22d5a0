INSERT INTO published.grouping_member (grouping_id, version, code, member, sort_order)
VALUES (:id, :version, :code, :member, :sort)
