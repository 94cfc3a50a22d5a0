INSERT INTO published.grouping_member (grouping_id, version, code, group_order, member, sort_order)
VALUES (:id, :version, :code, :groupOrder, :member, :sort)
