SELECT pg_advisory_lock(hashtext('lmo-dataset:' || :ds))::text
