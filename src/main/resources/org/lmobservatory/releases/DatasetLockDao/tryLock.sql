SELECT pg_try_advisory_lock(hashtext('lmo-dataset:' || :ds))
