SELECT at, token_id, owner, action, dataset_id, outcome, file_checksum, load_id, release_id, remote_address
FROM publishing.audit
WHERE CAST(:token AS text) IS NULL OR token_id = :token
ORDER BY at DESC, id DESC
LIMIT :limit
