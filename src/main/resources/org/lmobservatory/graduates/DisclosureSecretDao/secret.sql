SELECT secret FROM staging.disclosure_secret WHERE dataset_id = :ds
