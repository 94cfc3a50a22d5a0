-- Until the end of the transaction: two subscribes of one client at once cannot both pass the count.
SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended('webhook-client:' || :client, 0))) AS locked
