-- Every series the dataset ever had that matches the filters (SDMX updatedAfter deletions: a series the answered
-- release no longer holds may have cells deleted since the instant). UNIQUE (dataset_id, key) serves the lookup.
SELECT s.id, s.key FROM published.series s
WHERE s.dataset_id = :dataset
<filters>
