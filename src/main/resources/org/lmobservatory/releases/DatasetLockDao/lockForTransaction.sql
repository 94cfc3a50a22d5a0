SELECT pg_advisory_xact_lock(hashtext('lmo-dataset:' || :ds))::text
