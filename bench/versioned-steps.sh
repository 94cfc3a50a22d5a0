#!/usr/bin/env bash
# The statements a merge publish runs (releases/VersionedRows.merge, Publisher.write), replayed one by one on a staged
# load in a transaction that is rolled back, each under EXPLAIN (ANALYZE, BUFFERS): where a publish's time goes, for the
# SQL of any commit. Run against the database of a kept bench/versioned.sh run (BENCH_KEEP=1; its server running):
#
#   PGHOST=127.0.0.1 PGPORT=55480 PGUSER=postgres PGPASSWORD=$(cat bench/work/versioned/data/owner.secret) \
#       bench/versioned-steps.sh bench-registered-unemployed LOAD_ID [GIT_REV]   # GIT_REV: the SQL of that commit (HEAD)
#
# Prints one line per statement (execution time, shared buffers hit/read/dirtied) and the plans to stderr. Nothing
# stays: the transaction rolls back (its dead tuples stay until VACUUM; run VACUUM ANALYZE between comparisons).
set -euo pipefail
cd "$(dirname "$0")/.."
DS=$1 LOAD=$2 REV=${3:-HEAD}
SQL=src/main/resources/org/lmobservatory/releases
sql() { git show "$REV:$SQL/$1.sql" | grep -v '^--' | sed -e "s/:ds\b/'$DS'/g; s/:load\b/$LOAD/g; s/:base\b/$BASE/g; s/:probe\b/false/g; s/:rows\b/0/g; s/:id\b/$LOAD/g"; }
BASE=$(psql -X -Atc "SELECT coalesce(current_release_id, 0) FROM published.dataset WHERE id = '$DS'")
if git cat-file -e "$REV:$SQL/ReleaseRowsDao/mergeChanged.sql" 2>/dev/null; then
    STEPS="ReleaseRowsDao/addMergedSeries ReleaseRowsDao/hasWildcardDeletes probe:ReleaseRowsDao/mergeChanged ReleaseRowsDao/linkMergedSeries StagingLoadDao/deleteRows ReleaseDao/refreshSearch"
else
    STEPS="ReleaseRowsDao/addMergedSeries probe:ReleaseRowsDao/closeMerged ReleaseRowsDao/hasWildcardDeletes probe:ReleaseRowsDao/insertMerged ReleaseRowsDao/linkMergedSeries ReleaseDao/countRows StagingLoadDao/deleteRows ReleaseDao/refreshSearch"
fi
{
    echo "BEGIN;"
    echo "INSERT INTO published.release (dataset_id, row_count, input_checksum, note) VALUES ('$DS', 0, 'steps', 'versioned-steps.sh') RETURNING id AS release \\gset"
    for s in $STEPS; do
        f=${s#probe:}
        echo "\\echo == $f"
        [ "$s" = "$f" ] || echo "SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off;"
        echo "EXPLAIN (ANALYZE, BUFFERS, WAL, COSTS OFF)"; sql "$f"; echo ";"
        [ "$s" = "$f" ] || echo "SET LOCAL enable_hashjoin = on; SET LOCAL enable_mergejoin = on;"
    done
    echo "ROLLBACK;"
} | psql -X -q -v ON_ERROR_STOP=1 -At | tee >(cat >&2) | awk '
    /^== / { name = $2 }
    /^ *Buffers: shared/ && !seen[name]++ { buf[name] = $0 }
    /^ *WAL: / && !seenw[name]++ { wal[name] = $0 }
    /^ *Execution Time/ { sub(/^ */, "", buf[name]); sub(/^ */, "", wal[name]); printf "%-36s %9s ms  %s  %s\n", name, $3, buf[name], wal[name] }'
