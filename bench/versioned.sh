#!/usr/bin/env bash
# Versioned storage by change (issue 16) at benchmark scale: a 20M-row dataset, then monthly 1 % revisions published
# through the real loader and publisher, measuring
#   1. publish time of each revision (target <= 5 s) and of an unchanged content (a merge that repeats current values),
#      and what the loader does with a repeated file (detected by checksum before staging);
#   2. storage: pg_total_relation_size of published.observation (+ release_series) after the 20M-row release and after
#      the revisions (target <= 1.2x);
#   3. the selective query (one series, 96 months, the SQL of observations/ObservationReads/cells.sql) on the versions
#      against the same query on a copy of one release in the old layout (PRIMARY KEY (release_id, series_id,
#      period_start)), with pgbench; EXPLAIN (ANALYZE, BUFFERS) of both into $WORK/explain.txt.
# The 20M-row release is written by SQL (same series, 1995-01..2025-12, ordered by series and period as a load would
# be): a full load of 20M rows through the loader is bench/run.sh's subject and takes minutes that measure nothing here.
#
#   bench/versioned.sh                                               # 3,000 municipalities x 31 years = 20,088,000 rows
#   BENCH_MUNICIPALITIES=300 BENCH_REVISIONS=3 bench/versioned.sh    # smoke run, 2M rows
#
# Settings: BENCH_MUNICIPALITIES (3000), BENCH_YEARS (31), BENCH_REVISIONS (12), BENCH_REVISION_PERCENT (1),
# BENCH_SECONDS per pgbench run (10), BENCH_PG_PORT (55480), BENCH_API_PORT (18090), BENCH_KEEP=1 keeps bench/work/versioned.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/bench/work/versioned
LOGS=$WORK/logs
JAR=${BENCH_JAR:-$ROOT/target/observatory.jar}
DATASET=bench-registered-unemployed
MUNICIPALITIES=${BENCH_MUNICIPALITIES:-3000}
YEARS=${BENCH_YEARS:-31}
REVISIONS=${BENCH_REVISIONS:-12}
PERCENT=${BENCH_REVISION_PERCENT:-1}
RUN_SECONDS=${BENCH_SECONDS:-10}
PG_PORT=${BENCH_PG_PORT:-55480}
API_PORT=${BENCH_API_PORT:-18090}
OUT=$WORK/results.md
FIRST_MONTH="$((2025 - YEARS + 1))-01-01"
export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres PGDATABASE=postgres PGCONNECT_TIMEOUT=10

[ -f "$JAR" ] || { echo "build the jar first: mvn -B -DskipTests package" >&2; exit 2; }
[ -d "$ROOT/target/test-classes/org/lmobservatory/seed" ] || { echo "compile the tests first (ScaleGenerator): mvn -B -DskipTests test-compile" >&2; exit 2; }
rm -rf "$WORK"
mkdir -p "$LOGS"
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
bench_cleanup() { [ "${BENCH_KEEP:-0}" = 1 ] || { stop_server; rm -rf "$WORK/data" "$WORK"/rev-*.csv; }; }
need psql postgresql-client
need pgbench postgresql-client
need curl curl
for p in "$PG_PORT" "$API_PORT"; do port_free "$p" || fail "port $p is in use; set BENCH_PG_PORT/BENCH_API_PORT"; done
q() { psql -X -v ON_ERROR_STOP=1 -Atc "$1"; }
size() { q "SELECT pg_total_relation_size('published.observation') + pg_total_relation_size('published.release_series')"; }
mb() { calc "$1 / 1048576" 0; }

# ------------------------------------------------------------------------------------- definitions and series
log "definitions and one year of rows for the series ($MUNICIPALITIES municipalities)"
java -cp "$ROOT/target/test-classes:$JAR" org.lmobservatory.seed.ScaleGenerator "$WORK/scale" "$MUNICIPALITIES" 1 seed >"$LOGS/generate.log" 2>&1
start_server serve "-Xmx512m"
loader() {
    env DATABASE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" DATABASE_USER=postgres DATABASE_PASSWORD="$PGPASSWORD" \
        /usr/bin/time -f '%e' -o "$LOGS/loader.time" java -Xmx256m -jar "$JAR" "$@"
}
for f in seed/codelists/SEX.json "$WORK"/scale/codelists/*.json "$WORK"/scale/datasets/*.json; do
    loader define --file "$f" >>"$LOGS/define.log" 2>&1 || { tail -5 "$LOGS/define.log" >&2; fail "define $f"; }
done
loader load --dataset "$DATASET" --file "$WORK/scale/data/$DATASET.csv" >"$LOGS/load-0.log" 2>&1 || { tail "$LOGS/load-0.log" >&2; fail load; }
# The staged keys become the dataset's series (as ReleaseRowsDao/addSeries.sql does at a publish); the load itself is
# set aside, so the full release below is the dataset's first and the baseline holds nothing else.
q "INSERT INTO published.series (dataset_id, key) SELECT DISTINCT '$DATASET', key FROM staging.load_row r
   JOIN staging.load l ON l.id = r.load_id WHERE l.dataset_id = '$DATASET' ORDER BY 2;
   DELETE FROM staging.load_row r USING staging.load l WHERE l.id = r.load_id AND l.dataset_id = '$DATASET';
   UPDATE staging.load SET status = 'failed' WHERE dataset_id = '$DATASET' AND status = 'valid'" >/dev/null

# ------------------------------------------------------------------------------------- the 20M-row release
# The storage parameters V19 declares, set again (no-op on a jar that has them) so a jar built before them measures the same.
q "ALTER TABLE published.observation SET (fillfactor = 95); ALTER INDEX published.observation_pkey SET (fillfactor = 70)" >/dev/null
log "writing the full release ($YEARS years from $FIRST_MONTH) by SQL"
t=$(now)
FULL=$(psql -X -q -v ON_ERROR_STOP=1 -At <<SQL | tail -1
BEGIN;
SELECT pg_advisory_xact_lock(hashtext('$DATASET'));
INSERT INTO published.release (dataset_id, row_count, input_checksum, note) VALUES ('$DATASET', 0, 'bench-full', 'bench/versioned.sh: full content')
RETURNING id \gset
INSERT INTO published.observation (series_id, period_start, first_release, value)
SELECT s.id, m::date, :id, abs(hashint8(s.id * 1000 + extract(epoch FROM m)::bigint)) % 5000
FROM published.series s CROSS JOIN generate_series(DATE '$FIRST_MONTH', DATE '2025-12-01', interval '1 month') m
WHERE s.dataset_id = '$DATASET' ORDER BY s.id, m;
INSERT INTO published.release_series (release_id, series_id) SELECT :id, id FROM published.series WHERE dataset_id = '$DATASET';
UPDATE published.release SET row_count = (SELECT count(*) FROM published.release_series rs JOIN published.observation o
    ON o.series_id = rs.series_id AND o.first_release = :id WHERE rs.release_id = :id),
    period_min = DATE '$FIRST_MONTH', period_max = DATE '2025-12-01' WHERE id = :id;
UPDATE published.dataset SET current_release_id = :id WHERE id = '$DATASET';
INSERT INTO published.release_activation (dataset_id, release_id, reason) VALUES ('$DATASET', :id, 'publish');
COMMIT;
SELECT :id;
SQL
)
ROWS=$(q "SELECT row_count FROM published.release WHERE id = $FULL")
log "release $FULL: $ROWS rows in $(elapsed "$t") s"
q "VACUUM (ANALYZE) published.observation, published.series, published.release_series, published.release" >/dev/null
SIZE_ONE=$(size)
OBS_ONE=$(q "SELECT pg_total_relation_size('published.observation')")
log "storage after one release: $(mb "$SIZE_ONE") MB (observation $(mb "$OBS_ONE") MB)"

# ------------------------------------------------------------------------------------- monthly revisions
revision_file() { # revision_file NAME DELTA SEED: an SDMX-CSV merge file revising ~PERCENT % of the current cells by DELTA
    psql -X -v ON_ERROR_STOP=1 -qc "\copy (SELECT 'dataflow' AS \"STRUCTURE\", 'LMO:$DATASET(1.0)' AS \"STRUCTURE_ID\", 'R' AS \"ACTION\",
        s.key[1] AS geo, s.key[2] AS sex, s.key[3] AS age, to_char(o.period_start, 'YYYY-MM') AS \"TIME_PERIOD\",
        coalesce(o.value, 0) + $2 AS \"OBS_VALUE\"
        FROM published.observation o TABLESAMPLE BERNOULLI ($PERCENT) REPEATABLE ($3)
        JOIN published.series s ON s.id = o.series_id
        WHERE o.last_release IS NULL AND s.dataset_id = '$DATASET') TO '$WORK/rev-$1.csv' WITH (FORMAT csv, HEADER)"
}
publish_file() { # publish_file NAME FILE: load + publish; sets LOAD_S, PUBLISH_S (in the transaction), PUBLISH_WALL, RELEASE
    loader load --dataset "$DATASET" --file "$2" >"$LOGS/load-$1.log" 2>&1 || { tail "$LOGS/load-$1.log" >&2; fail "load $1"; }
    LOAD_S=$(cat "$LOGS/loader.time")
    loader publish --dataset "$DATASET" --note "$1" >"$LOGS/publish-$1.log" 2>&1 || { tail "$LOGS/publish-$1.log" >&2; fail "publish $1"; }
    PUBLISH_WALL=$(cat "$LOGS/loader.time")
    PUBLISH_S=$(sed -nE 's/^published .* in ([0-9.]+) s$/\1/p' "$LOGS/publish-$1.log")
    RELEASE=$(q "SELECT current_release_id FROM published.dataset WHERE id = '$DATASET'")
}
TABLE="| revision | release | cells in file | versions closed / inserted | load (s, JVM incl.) | publish in transaction (s) | publish command wall (s) |
|---|---|---|---|---|---|---|"
for i in $(seq 1 "$REVISIONS"); do
    revision_file "$i" "$i" "$i"
    cells=$(($(wc -l <"$WORK/rev-$i.csv") - 1))
    publish_file "revision-$i" "$WORK/rev-$i.csv"
    written=$(q "SELECT count(*) FILTER (WHERE last_release = $RELEASE) || ' / ' || count(*) FILTER (WHERE first_release = $RELEASE)
                 FROM published.observation o JOIN published.series s ON s.id = o.series_id WHERE s.dataset_id = '$DATASET'")
    log "revision $i: release $RELEASE, $cells cells, closed/inserted $written, publish $PUBLISH_S s (wall $PUBLISH_WALL s)"
    TABLE="$TABLE
| $i | $RELEASE | $cells | $written | $LOAD_S | $PUBLISH_S | $PUBLISH_WALL |"
done
LAST=$RELEASE

# An unchanged content: a merge repeating ~PERCENT % of the current values exactly; and the same file again.
revision_file unchanged 0 1000
publish_file unchanged "$WORK/rev-unchanged.csv"
UNCHANGED_WRITTEN=$(q "SELECT count(*) FROM published.observation WHERE first_release = $RELEASE OR last_release = $RELEASE")
UNCHANGED_S=$PUBLISH_S
UNCHANGED_WALL=$PUBLISH_WALL
loader load --dataset "$DATASET" --file "$WORK/rev-unchanged.csv" >"$LOGS/load-repeat.log" 2>&1 || true
REPEAT_S=$(cat "$LOGS/loader.time")
REPEAT_LINE=$(tail -1 "$LOGS/load-repeat.log")

q "VACUUM (ANALYZE) published.observation, published.release_series" >/dev/null
SIZE_AFTER=$(size)
OBS_AFTER=$(q "SELECT pg_total_relation_size('published.observation')")
VERSIONS=$(q "SELECT count(*) FROM published.observation")
log "storage after $REVISIONS revisions: $(mb "$SIZE_AFTER") MB, $(calc "$SIZE_AFTER / $SIZE_ONE") x one release"

# ------------------------------------------------------------------------------------- selective query
if [ "${BENCH_QUERY:-1}" = 0 ]; then   # storage and publish only
    {
        echo "Run $(date -u +%FT%TZ), load average at the end $(cut -d' ' -f1-3 /proc/loadavg); command: BENCH_QUERY=0 bench/versioned.sh"
        echo "- Full release $FULL: $ROWS rows. Storage: one release $(mb "$SIZE_ONE") MB (observation $(mb "$OBS_ONE") MB); after $REVISIONS revisions"
        echo "  $(mb "$SIZE_AFTER") MB (observation $(mb "$OBS_AFTER") MB, $VERSIONS versions): **$(calc "$SIZE_AFTER / $SIZE_ONE") x**; table / index after:"
        echo "  $(q "SELECT pg_size_pretty(pg_relation_size('published.observation')) || ' / ' || pg_size_pretty(pg_indexes_size('published.observation'))")"
        echo "- Unchanged content: $UNCHANGED_WRITTEN versions written, publish $UNCHANGED_S s ($UNCHANGED_WALL s wall). Same file again: $REPEAT_LINE"
        echo
        echo "$TABLE"
    } >"$OUT"
    cat "$OUT"
    exit 0
fi
log "old-layout copy of release $LAST for the query comparison"
q "SET client_min_messages = warning; DROP SCHEMA IF EXISTS bench_old CASCADE; CREATE SCHEMA bench_old;
   CREATE TABLE bench_old.observation AS SELECT $LAST::bigint AS release_id, o.series_id, o.period_start, o.value, o.flags, o.conf_status
   FROM published.release_series rs JOIN published.observation o ON o.series_id = rs.series_id
    AND o.first_release <= $LAST AND (o.last_release IS NULL OR o.last_release > $LAST)
   WHERE rs.release_id = $LAST ORDER BY o.series_id, o.period_start;
   ALTER TABLE bench_old.observation ADD PRIMARY KEY (release_id, series_id, period_start)" >/dev/null
q "VACUUM ANALYZE bench_old.observation" >/dev/null
read -r LO HI <<<"$(q "SELECT min(id), max(id) FROM published.series WHERE dataset_id = '$DATASET'" | tr '|' ' ')"
cat >"$WORK/versioned.pgbench" <<'SQL'
\set sid random(:lo, :hi)
SELECT k.ord, o.period_start, o.value, o.flags FROM unnest(ARRAY[:sid]::bigint[]) WITH ORDINALITY AS k(series_id, ord) JOIN published.observation o ON o.series_id = k.series_id AND o.first_release <= :release AND (o.last_release IS NULL OR o.last_release > :release) WHERE o.period_start >= '2018-01-01'::date AND o.period_start < '2026-01-01'::date ORDER BY k.ord, o.period_start LIMIT 10001;
SQL
cat >"$WORK/copies.pgbench" <<'SQL'
\set sid random(:lo, :hi)
SELECT k.ord, o.period_start, o.value, o.flags FROM unnest(ARRAY[:sid]::bigint[]) WITH ORDINALITY AS k(series_id, ord) JOIN bench_old.observation o ON o.release_id = :release AND o.series_id = k.series_id WHERE o.period_start >= '2018-01-01'::date AND o.period_start < '2026-01-01'::date ORDER BY k.ord, o.period_start LIMIT 10001;
SQL
bench_query() { # bench_query SCRIPT RELEASE: average latency (ms) of one client for RUN_SECONDS
    pgbench -n -M prepared -c 1 -T "$RUN_SECONDS" -D lo="$LO" -D hi="$HI" -D release="$2" -f "$WORK/$1.pgbench" 2>&1 \
        | tee -a "$LOGS/pgbench.log" | sed -nE 's/^latency average = ([0-9.]+) ms$/\1/p'
}
for s in versioned copies; do bench_query "$s" "$LAST" >/dev/null; done   # warm both
Q_COPY=$(bench_query copies "$LAST")
Q_NEW=$(bench_query versioned "$LAST")
Q_FIRST=$(bench_query versioned "$FULL")
Q_COPY2=$(bench_query copies "$LAST")
Q_NEW2=$(bench_query versioned "$LAST")
SID=$(((LO + HI) / 2))
{
    echo "== versions, release $LAST (current)"
    q "EXPLAIN (ANALYZE, BUFFERS) SELECT k.ord, o.period_start, o.value, o.flags FROM unnest(ARRAY[$SID]::bigint[]) WITH ORDINALITY AS k(series_id, ord) JOIN published.observation o ON o.series_id = k.series_id AND o.first_release <= $LAST AND (o.last_release IS NULL OR o.last_release > $LAST) WHERE o.period_start >= '2018-01-01' AND o.period_start < '2026-01-01' ORDER BY k.ord, o.period_start LIMIT 10001"
    echo "== versions, release $FULL (first)"
    q "EXPLAIN (ANALYZE, BUFFERS) SELECT k.ord, o.period_start, o.value, o.flags FROM unnest(ARRAY[$SID]::bigint[]) WITH ORDINALITY AS k(series_id, ord) JOIN published.observation o ON o.series_id = k.series_id AND o.first_release <= $FULL AND (o.last_release IS NULL OR o.last_release > $FULL) WHERE o.period_start >= '2018-01-01' AND o.period_start < '2026-01-01' ORDER BY k.ord, o.period_start LIMIT 10001"
    echo "== copies (old layout), release $LAST"
    q "EXPLAIN (ANALYZE, BUFFERS) SELECT k.ord, o.period_start, o.value, o.flags FROM unnest(ARRAY[$SID]::bigint[]) WITH ORDINALITY AS k(series_id, ord) JOIN bench_old.observation o ON o.release_id = $LAST AND o.series_id = k.series_id WHERE o.period_start >= '2018-01-01' AND o.period_start < '2026-01-01' ORDER BY k.ord, o.period_start LIMIT 10001"
    echo "== revisions between release $FULL and $LAST (RevisionDao/between.sql, LIMIT 1001)"
    q "EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM (SELECT 1 FROM (SELECT o.* FROM published.release_series rs JOIN published.observation o ON o.series_id = rs.series_id WHERE rs.release_id = $FULL AND o.first_release <= $FULL AND (o.last_release IS NULL OR o.last_release > $FULL)) a FULL JOIN (SELECT o.* FROM published.release_series rs JOIN published.observation o ON o.series_id = rs.series_id WHERE rs.release_id = $LAST AND o.first_release <= $LAST AND (o.last_release IS NULL OR o.last_release > $LAST)) b ON a.series_id = b.series_id AND a.period_start = b.period_start WHERE a.series_id IS NULL OR b.series_id IS NULL OR a.value IS DISTINCT FROM b.value LIMIT 1001) x"
} >"$WORK/explain.txt" 2>&1
q "DROP SCHEMA bench_old CASCADE" >/dev/null

cat >"$OUT" <<EOF
Run $(date -u +%FT%TZ) on $(nproc) CPUs (load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)); command: \`$({ env | grep -E '^BENCH_' || true; } | sort | tr '\n' ' ')bench/versioned.sh\`

- Full release $FULL: $ROWS rows ($MUNICIPALITIES municipalities x 18 series x $((YEARS * 12)) months), written by SQL.
- Storage (published.observation + published.release_series, after VACUUM): one release $(mb "$SIZE_ONE") MB
  (observation $(mb "$OBS_ONE") MB); after $REVISIONS revisions of $PERCENT % and one unchanged publish $(mb "$SIZE_AFTER") MB
  (observation $(mb "$OBS_AFTER") MB, $VERSIONS versions): **$(calc "$SIZE_AFTER / $SIZE_ONE") x** one release (target <= 1.2x).
  With a copy per release it would be about $((REVISIONS + 2)) x.
- Unchanged content (a merge repeating current values, $(($(wc -l <"$WORK/rev-unchanged.csv") - 1)) cells): $UNCHANGED_WRITTEN versions written,
  publish $UNCHANGED_S s in the transaction ($UNCHANGED_WALL s for the whole command). The same file again: \`$REPEAT_LINE\` ($REPEAT_S s, JVM start included).
- Selective query (one series, 96 months, pgbench -c 1 -T $RUN_SECONDS, average latency): copies $Q_COPY ms / $Q_COPY2 ms,
  versions (current release) $Q_NEW ms / $Q_NEW2 ms, versions (first release, read past the $REVISIONS revisions) $Q_FIRST ms.

$TABLE
EOF
cat "$OUT"
log "results in $OUT, plans in $WORK/explain.txt"
