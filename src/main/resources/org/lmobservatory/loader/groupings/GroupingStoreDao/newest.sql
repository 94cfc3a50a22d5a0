SELECT version, checksum, codelist_id FROM published.grouping WHERE id = :id ORDER BY version DESC LIMIT 1
