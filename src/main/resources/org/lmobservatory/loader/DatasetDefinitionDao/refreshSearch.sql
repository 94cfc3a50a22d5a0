SELECT staging.refresh_dataset_search(:id)
