#!/usr/bin/env bash
# CPU per answer of the server's request threads and of PostgreSQL, for a wrk run against a running server (issue 16:
# JFR's sample counts under-count busy threads; the kernel's per-thread tick counters do not).
#   BENCH_MUNICIPALITIES=1000 bench/cpu-per-request.sh [URL] [SECONDS] [CONNECTIONS]
# URL defaults to the uncached selective query of bench/uncached.lua on 127.0.0.1:18090 (start the server as
# bench/run.sh's step 2 does, with LMO_CACHE_MB=0 LMO_RATE_LIMIT_PER_MINUTE=0). Prints p50, requests/s, and CPU
# milliseconds per request of Jetty's request threads, of the whole JVM, and of every postgres process.
set -euo pipefail
cd "$(dirname "$0")/.."
URL=${1:-http://127.0.0.1:18090}
SECONDS_RUN=${2:-10}
CONNECTIONS=${3:-1}
export BENCH_MUNICIPALITIES=${BENCH_MUNICIPALITIES:-3000} BENCH_DATASET=${BENCH_DATASET:-bench-registered-unemployed} BENCH_TIME=${BENCH_TIME:-2018..2025}
JVM=$(pgrep -f "observatory.jar serve" | head -1) || { echo "no running 'observatory.jar serve'" >&2; exit 2; }
TICK_MS=$(awk -v hz="$(getconf CLK_TCK)" 'BEGIN { print 1000 / hz }')
ticks() { awk '{ print $14 + $15 }' "$1" 2>/dev/null || echo 0; }
jetty() { local s=0 t; for t in /proc/"$JVM"/task/*; do grep -q '^JettyServerThre' "$t/comm" 2>/dev/null && s=$((s + $(ticks "$t/stat"))); done; echo "$s"; }
postgres() { local s=0 p; for p in $(pgrep -f postgres); do s=$((s + $(ticks "/proc/$p/stat"))); done; echo "$s"; }
SCRIPT=()
[[ "$URL" == *\?* || "$URL" == */v1/* ]] || SCRIPT=(-s bench/uncached.lua)
j0=$(jetty); a0=$(ticks "/proc/$JVM/stat"); p0=$(postgres)
OUT=$(wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --latency "${SCRIPT[@]}" "$URL")
j1=$(jetty); a1=$(ticks "/proc/$JVM/stat"); p1=$(postgres)
N=$(awk '/requests in/ { print $1 }' <<<"$OUT")
P50=$(awk '/ 50%/ { print $2 }' <<<"$OUT")
awk -v n="$N" -v s="$SECONDS_RUN" -v p50="$P50" -v t="$TICK_MS" -v j=$((j1 - j0)) -v a=$((a1 - a0)) -v p=$((p1 - p0)) 'BEGIN {
    printf "p50 %s, %.0f requests/s; CPU ms per request: request threads %.3f, whole JVM %.3f, postgres %.3f\n", p50, n / s, j * t / n, a * t / n, p * t / n }'
