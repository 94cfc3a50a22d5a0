-- Measured on the database's clock, the same one activate.sql compares with, so a server whose clock runs ahead
-- does not wake early and spin.
SELECT ceil(extract(epoch FROM min(announced_at) - clock_timestamp()) * 1000)::bigint
FROM published.release WHERE status = 'scheduled'
