-- Issue 12: a group's members change over time (a municipality moves to another employment area in 2026), so one
-- grouping version may give the same group code several periods of validity, each with its own members; the loader
-- checks that the periods of one code do not overlap. A group row is therefore identified by its position in the
-- file, and its members point at that row rather than at the code.
ALTER TABLE published.grouping_member DROP CONSTRAINT grouping_member_grouping_id_version_code_fkey;
ALTER TABLE published.grouping_member DROP CONSTRAINT grouping_member_pkey;
ALTER TABLE published.grouping_member ADD COLUMN group_order integer;
UPDATE published.grouping_member m SET group_order = g.sort_order
FROM published.grouping_group g
WHERE g.grouping_id = m.grouping_id AND g.version = m.version AND g.code = m.code;
ALTER TABLE published.grouping_member ALTER COLUMN group_order SET NOT NULL;

ALTER TABLE published.grouping_group DROP CONSTRAINT grouping_group_pkey;
ALTER TABLE published.grouping_group ADD PRIMARY KEY (grouping_id, version, sort_order);
CREATE INDEX grouping_group_code_idx ON published.grouping_group (grouping_id, version, code);

ALTER TABLE published.grouping_member ADD PRIMARY KEY (grouping_id, version, group_order, member);
ALTER TABLE published.grouping_member ADD FOREIGN KEY (grouping_id, version, group_order)
    REFERENCES published.grouping_group (grouping_id, version, sort_order) ON DELETE CASCADE;
