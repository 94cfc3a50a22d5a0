#!/usr/bin/env bash
# Soak test of issue 11: the server over the demo seed under mixed load for SOAK_MINUTES (10), in slices of
# SOAK_SLICE_SECONDS (30): wrk with bench/soak.lua (cached queries, random uncached queries, JSON-stat, CSV, charts,
# widgets) plus SOAK_SLOW_CLIENTS (8) slow readers that download a full CSV at SOAK_SLOW_RATE (2k bytes/s) each, and
# a database outage at SOAK_RESTART_AT_SECONDS (half way): by default a real restart of PostgreSQL, down for
# SOAK_OUTAGE_SECONDS (20); SOAK_OUTAGE_KIND=freeze stops its processes (SIGSTOP) for as long instead. Per slice it records requests/s, p50, p99, statuses (503 and 5xx apart), /health latency, the server's RSS
# and thread count; writes bench/SOAK.md with a verdict: no error outside the restart window (the slice of the
# restart and the next), no 500 at all, RSS of the last slice within 15 % of the third (the heap is pre-touched).
#   bench/soak.sh
#   SOAK_MINUTES=2 SOAK_SLICE_SECONDS=15 bench/soak.sh      # a short smoke run
# Ports: SOAK_PG_PORT (55471), SOAK_API_PORT (18071). Not part of `mvn verify`.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/bench/work/soak
LOGS=$WORK/logs
JAR=$ROOT/target/observatory.jar
MINUTES=${SOAK_MINUTES:-10}
SLICE=${SOAK_SLICE_SECONDS:-30}
CONNECTIONS=${SOAK_CONNECTIONS:-16}
SLOW=${SOAK_SLOW_CLIENTS:-8}
SLOW_RATE=${SOAK_SLOW_RATE:-2k}
RESTART_AT=${SOAK_RESTART_AT_SECONDS:-$((MINUTES * 30))}
OUTAGE=${SOAK_OUTAGE_SECONDS:-20}
OUTAGE_KIND=${SOAK_OUTAGE_KIND:-restart}
PG_PORT=${SOAK_PG_PORT:-55471}
API_PORT=${SOAK_API_PORT:-18071}
RESULTS=${SOAK_RESULTS:-$ROOT/bench/SOAK.md}
SLICES=$((MINUTES * 60 / SLICE))
COMMAND_LINE="$({ env | grep -E '^SOAK_' || true; } | sort | tr '\n' ' ')bench/soak.sh"
BENCH_START_SECONDS=${BENCH_START_SECONDS:-1200}
# The heap committed and touched from the start, so RSS is flat unless something outside the heap grows (threads,
# direct buffers, native memory): a rising RSS is then a leak, not the heap expanding towards -Xmx.
JVM=${SOAK_JVM:-"-Xms512m -Xmx512m -XX:+AlwaysPreTouch -XX:+ExitOnOutOfMemoryError"}
mkdir -p "$WORK" "$LOGS"
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"

SLOW_PIDS=()
bench_cleanup() {
    for p in "${SLOW_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    SLOW_PIDS=()
}

need wrk wrk
need curl curl
for p in "$PG_PORT" "$API_PORT"; do port_free "$p" || fail "port $p is in use; set SOAK_PG_PORT/SOAK_API_PORT"; done
if [ ! -f "$JAR" ]; then
    log "building $JAR"
    mvn -B -q -DskipTests package >"$LOGS/build.log" 2>&1 || fail "build failed (log: $LOGS/build.log)"
fi

log "fresh database in $WORK/data; loading the demo seed"
rm -rf "$WORK/data"
# All load comes from 127.0.0.1, one client to the rate limiter: lift the limit, this measures the server, not the limiter.
start_server soak "$JVM" LMO_RATE_LIMIT_PER_MINUTE=1000000000 -- demo --seed "$ROOT/seed"
BASE="http://127.0.0.1:$API_PORT"
BIG_CSV="$BASE/v1/datasets/registered-unemployed/observations?format=csv"
BIG_BYTES=$(curl -fsS "$BIG_CSV" | wc -c)
log "slow clients read $BIG_CSV ($BIG_BYTES bytes) at $SLOW_RATE/s each"
for i in $(seq 1 "$SLOW"); do
    ( while :; do curl -sS -o /dev/null --limit-rate "$SLOW_RATE" --max-time 600 "$BIG_CSV" 2>>"$LOGS/slow-$i.err" || true; done ) &
    SLOW_PIDS+=($!)
done

# The outage, SOAK_OUTAGE_KIND:
# - restart (default): a real restart of the embedded PostgreSQL. Fast shutdown (SIGINT: connections closed, a
#   checkpoint), down for SOAK_OUTAGE_SECONDS, then the same postgres command line again (postmaster.opts). PostgreSQL
#   refuses to run as root, and pg_ctl with it; as root it runs in a user namespace (unshare -U), as zonky does.
# - freeze: every PostgreSQL process stopped (SIGSTOP) for SOAK_OUTAGE_SECONDS, then thawed. Connections stay open but
#   nothing answers — the harder case for timeouts and the circuit breaker than a refused connection.
restart_database() {
    local pg pids started down up
    pg=$(pg_postmaster_pid)
    [ -n "$pg" ] || { echo "no postmaster found, no outage" >"$LOGS/restart.txt"; return; }
    started=$(now)
    if [ "$OUTAGE_KIND" = freeze ]; then
        pids="$pg $(pgrep -P "$pg" | tr '\n' ' ')"
        # shellcheck disable=SC2086
        kill -STOP $pids
        sleep "$OUTAGE"
        # shellcheck disable=SC2086
        kill -CONT $pids
        echo "database frozen (SIGSTOP of the postmaster and its $(wc -w <<<"$pids") processes) at $(date -d "@${started%.*}" +%T) for $(elapsed "$started") s" >"$LOGS/restart.txt"
        return
    fi
    local pgdata=$WORK/data/postgres command
    eval "command=($(cat "$pgdata/postmaster.opts"))"
    kill -INT "$pg"
    while kill -0 "$pg" 2>/dev/null; do sleep 0.1; done
    down=$(elapsed "$started")
    sleep "$OUTAGE"
    local prefix=()
    [ "$(id -u)" -ne 0 ] || prefix=(unshare -U)
    setsid "${prefix[@]}" "${command[@]}" >>"$LOGS/postgres-restart.log" 2>&1 < /dev/null &
    # postmaster.pid's eighth line says "ready" once it accepts connections.
    for _ in $(seq 1 600); do
        [ "$(sed -n 8p "$pgdata/postmaster.pid" 2>/dev/null | tr -d ' ')" = ready ] && break
        sleep 0.1
    done
    up=$(elapsed "$started")
    echo "database restarted (fast shutdown of the postmaster in ${down} s, down ${OUTAGE} s, accepting connections again ${up} s after the shutdown began, new postmaster pid $(pg_postmaster_pid)) at $(date -d "@${started%.*}" +%T)" >"$LOGS/restart.txt"
}

rss_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status"; }
threads() { awk '/^Threads/ { print $2 }' "/proc/$SERVER_PID/status"; }
health_ms() { curl -s -o /dev/null --max-time 10 -w '%{time_total}' "$BASE/health" | awk '{ printf "%.1f", $1 * 1000 }'; }

ROWS=()
RESTART_SLICE=$((RESTART_AT / SLICE))
log "$SLICES slices of ${SLICE}s, wrk -t2 -c$CONNECTIONS, database $OUTAGE_KIND at ${RESTART_AT}s for ${OUTAGE}s (slice $RESTART_SLICE)"
for i in $(seq 0 $((SLICES - 1))); do
    if [ "$i" -eq "$RESTART_SLICE" ]; then
        ( sleep $((RESTART_AT - i * SLICE)); restart_database ) &
        RESTART_PID=$!
    fi
    ( sleep $((SLICE / 2)); health_ms >"$LOGS/health-$i.txt" ) &
    HEALTH_PID=$!
    timeout --foreground $((SLICE + 60)) wrk --latency -t2 -c"$CONNECTIONS" -d"${SLICE}s" --timeout 10s -s "$ROOT/bench/soak.lua" "$BASE" \
        >"$LOGS/wrk-$i.txt" 2>&1 || fail "wrk slice $i (log: $LOGS/wrk-$i.txt)"
    wait "$HEALTH_PID" || true
    [ "$i" -ne "$RESTART_SLICE" ] || wait "$RESTART_PID" || true
    kill -0 "$SERVER_PID" 2>/dev/null || fail "the server died in slice $i (log: $LOGS/soak.log)"
    rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$LOGS/wrk-$i.txt")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$LOGS/wrk-$i.txt")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$LOGS/wrk-$i.txt")")
    sock=$(awk '/Socket errors/ { sub(/.*errors: /, ""); gsub(/,/, ""); print }' "$LOGS/wrk-$i.txt")
    read -r s503 s429 s4xx s5xx <<<"$(sed -nE 's/^STATUSES 503=([0-9]+) 429=([0-9]+) other4xx=([0-9]+) other5xx=([0-9]+)/\1 \2 \3 \4/p' "$LOGS/wrk-$i.txt")"
    row="$i $((i * SLICE)) $rps $p50 $p99 ${s503:-?} ${s429:-?} ${s4xx:-?} ${s5xx:-?} $(cat "$LOGS/health-$i.txt" 2>/dev/null || echo -) $(rss_mb) $(threads) ${sock:-none}"
    ROWS+=("$row")
    log "slice $row"
done
bench_cleanup

# ---------------------------------------------------------------------------------------------------- verdict
ERRORS_OUTSIDE=0
FIVE_HUNDREDS=0
for r in "${ROWS[@]}"; do
    read -r i _ _ _ _ s503 s429 s4xx s5xx _ _ _ sock <<<"$r"
    FIVE_HUNDREDS=$((FIVE_HUNDREDS + s5xx))
    if [ "$i" -ne "$RESTART_SLICE" ] && [ "$i" -ne $((RESTART_SLICE + 1)) ]; then
        ERRORS_OUTSIDE=$((ERRORS_OUTSIDE + s503 + s429 + s4xx + s5xx))
        [ "$sock" = none ] || ERRORS_OUTSIDE=$((ERRORS_OUTSIDE + 1))
    fi
done
RSS_EARLY=$(awk '{ print $11 }' <<<"${ROWS[2]:-${ROWS[0]}}")
RSS_LAST=$(awk '{ print $11 }' <<<"${ROWS[-1]}")
RSS_OK=$(awk -v a="$RSS_EARLY" -v b="$RSS_LAST" 'BEGIN { print (b <= a * 1.15) ? "pass" : "FAIL" }')
ERR_OK=$([ "$ERRORS_OUTSIDE" -eq 0 ] && echo pass || echo FAIL)
FIVE_OK=$([ "$FIVE_HUNDREDS" -eq 0 ] && echo pass || echo FAIL)
{
    echo "# Soak test (bench/soak.sh)"
    echo
    echo "Command: \`$COMMAND_LINE\` on $(date -u +%Y-%m-%d), $(nproc) CPUs, load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."
    echo "Server: \`java $JVM -jar target/observatory.jar demo\` (embedded PostgreSQL), rate limit lifted (one client address)."
    echo "Load: wrk -t2 -c$CONNECTIONS with \`bench/soak.lua\` (half cached queries, half random uncached ones, CSV,"
    echo "JSON-stat, charts, widgets), plus $SLOW slow clients reading a $BIG_BYTES-byte CSV at $SLOW_RATE/s each."
    echo "$(cat "$LOGS/restart.txt" 2>/dev/null || echo "no database outage recorded") (slice $RESTART_SLICE)."
    echo
    echo "| slice | from s | req/s | p50 ms | p99 ms | 503 | 429 | other 4xx | 5xx | /health ms | RSS MB | threads | socket errors |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    for r in "${ROWS[@]}"; do
        read -r a b c d e f g h k l m n o <<<"$r"
        echo "| $a | $b | $c | $d | $e | $f | $g | $h | $k | $l | $m | $n | $o |"
    done
    echo
    echo "| check | result |"
    echo "|---|---|"
    echo "| no error outside the restart window (slices $RESTART_SLICE–$((RESTART_SLICE + 1))) | $ERR_OK ($ERRORS_OUTSIDE) |"
    echo "| no 500 at all (a restart gives 503 + Retry-After, never 500) | $FIVE_OK ($FIVE_HUNDREDS) |"
    echo "| RSS flat: last slice ≤ 1.15 × third slice ($RSS_EARLY MB → $RSS_LAST MB) | $RSS_OK |"
} >"$RESULTS"
log "wrote $RESULTS"
cat "$RESULTS" >&2
