#!/usr/bin/env bash
# WAL compression and the 1 % merge at 20M versions (issue 16, bench/VERSIONED.md "WAL compression"), on Debian's
# PostgreSQL 15 (built with lz4 and zstd, which the embedded PostgreSQL 17 binaries lack). The table and its key are
# published.observation's (V19 fill factors: 95 heap, 70 key), 54,000 series x 372 months; the merge is
# releases/ReleaseRowsDao/mergeChanged.sql's core — probe the open version, close it through its ctid, insert the new
# one — for a 1 % Bernoulli sample, after a CHECKPOINT (so every page it touches is logged whole, as in a monthly
# publish), with each wal_compression method; rolled back, or (BENCH_COMMIT=1) committed and undone outside the timing.
#
#   apt-get install postgresql-15   # Debian 12; the cluster is made in WAL_DIR (default bench/work/wal) as user postgres
#   bench/wal-compression.sh        # ~3 min to build the table, ~10-25 s per merge
#   WAL_SERIES=5400 bench/wal-compression.sh   # 2M rows, a smoke run
#   pg_ctl stop: su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D bench/work/wal stop"
set -euo pipefail
BIN=/usr/lib/postgresql/15/bin
cd "$(dirname "$0")/.."
DIR=${WAL_DIR:-$PWD/bench/work/wal}
PORT=${WAL_PORT:-55490}
SERIES=${WAL_SERIES:-54000}
MONTHS=${WAL_MONTHS:-372}
export PGHOST=127.0.0.1 PGPORT=$PORT PGUSER=postgres PGDATABASE=postgres
as_pg() { su postgres -c "$*"; }
if [ ! -d "$DIR" ]; then
  mkdir -p "$DIR"; chown postgres "$DIR"
  as_pg "$BIN/initdb -D $DIR -U postgres --auth=trust" >/dev/null
  cat >>"$DIR/postgresql.conf" <<CONF
port = $PORT
listen_addresses = '127.0.0.1'
shared_buffers = 256MB
max_wal_size = 4096MB
work_mem = 32MB
fsync = on
synchronous_commit = on
CONF
fi
as_pg "$BIN/pg_ctl -D $DIR -l $DIR/log -w start" >/dev/null || true
q() { psql -X -v ON_ERROR_STOP=1 -Atc "$1"; }
if [ "$(q "SELECT count(*) FROM pg_tables WHERE tablename = 'observation'")" = 0 ]; then
  t=$(date +%s)
  q "CREATE TABLE observation (series_id bigint NOT NULL, period_start date NOT NULL, first_release bigint NOT NULL,
       last_release bigint, value numeric, flags text, conf_status character(1)) WITH (fillfactor = 95)"
  q "INSERT INTO observation (series_id, period_start, first_release, value)
     SELECT s, date '1995-01-01' + make_interval(months => m), 1, (hashint8(s * 1000 + m) & 1023)
     FROM generate_series(1, $SERIES) s, generate_series(0, $MONTHS - 1) m"
  q "ALTER TABLE observation ADD PRIMARY KEY (series_id, period_start, first_release) WITH (fillfactor = 70)"
  q "VACUUM ANALYZE observation"
  echo "built $(q "SELECT count(*) FROM observation") rows in $(( $(date +%s) - t )) s; $(q "SELECT pg_size_pretty(pg_total_relation_size('observation'))")"
fi
q "DROP TABLE IF EXISTS change; CREATE TABLE change AS SELECT series_id, period_start, value + 1 AS value FROM observation TABLESAMPLE BERNOULLI (1) REPEATABLE (99) WHERE last_release IS NULL ORDER BY 1, 2; ANALYZE change"
echo "change: $(q "SELECT count(*) FROM change") cells"
MERGE="WITH changed AS MATERIALIZED (
    SELECT c.series_id, c.period_start, c.value, o.ctid AS version FROM change c
    LEFT JOIN observation o ON o.series_id = c.series_id AND o.period_start = c.period_start AND o.last_release IS NULL
), closed AS (
    UPDATE observation o SET last_release = 2 FROM changed c WHERE o.ctid = c.version RETURNING 1
), inserted AS (
    INSERT INTO observation (series_id, period_start, first_release, value) SELECT series_id, period_start, 2, value FROM changed RETURNING 1
) SELECT (SELECT count(*) FROM closed), (SELECT count(*) FROM inserted)"
END=ROLLBACK
[ "${BENCH_COMMIT:-0}" = 1 ] && END=COMMIT
for round in 1 2; do
  for method in ${WAL_METHODS:-off pglz lz4 zstd}; do
    q "CHECKPOINT" >/dev/null
    out=$(psql -X -v ON_ERROR_STOP=1 -At <<SQL
SET wal_compression = $method;
SET enable_hashjoin = off; SET enable_mergejoin = off;
BEGIN;
SELECT pg_current_wal_insert_lsn() AS a \gset
\timing on
$MERGE;
$END;
\timing off
SELECT pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_insert_lsn(), :'a'));
SQL
)
    echo "round $round wal_compression=$method ($END): $(tr '\n' ' ' <<<"$out")"
    if [ "$END" = COMMIT ]; then
      psql -X -q -c "DELETE FROM observation WHERE first_release = 2" -c "UPDATE observation SET last_release = NULL WHERE last_release = 2" -c "VACUUM observation"
    fi
  done
done
