INSERT INTO publishing.audit (token_id, owner, action, dataset_id, outcome, file_checksum, load_id, release_id, remote_address)
VALUES (:tokenId, :owner, :action, :datasetId, :outcome, :fileChecksum, :loadId, :releaseId, :remoteAddress)
