INSERT INTO published.code_successor (codelist_id, code_id, successor_id, from_version, to_version, kind)
VALUES (:list, :code, :successor, :fromVersion, :toVersion, :kind)
