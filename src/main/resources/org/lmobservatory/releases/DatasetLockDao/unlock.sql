SELECT pg_advisory_unlock(hashtext('lmo-dataset:' || :ds))
