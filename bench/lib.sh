#!/usr/bin/env bash
# Shared by bench/run.sh and bench/soak.sh (sourced, not run): logging, arithmetic, the server and its embedded
# PostgreSQL as background processes, installing tools, wrk runs. The caller sets ROOT, WORK, LOGS, JAR, PG_PORT and
# API_PORT first. Every process started through here is stopped on exit.

log() { printf '[bench %s] %s\n' "$(date +%T)" "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
calc() { awk "BEGIN { printf \"%.${2:-2}f\", $1 }"; }
# wrk prints latencies as 812.00us, 1.23ms or 1.02s
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

# ---------------------------------------------------------------------------------------------------- processes
SERVER_PID=""
NGINX_PID=""
WATCH_PID=""

pg_postmaster_pid() {
    local f=$WORK/data/postgres/postmaster.pid
    [ -f "$f" ] && head -1 "$f" || true
}

stop_server() {
    [ -n "$SERVER_PID" ] || return 0
    if kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
        kill -0 "$SERVER_PID" 2>/dev/null && kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
    # The JVM stops its embedded PostgreSQL in a shutdown hook; if it could not, stop that postmaster ourselves.
    local pg
    pg=$(pg_postmaster_pid)
    if [ -n "$pg" ] && kill -0 "$pg" 2>/dev/null; then
        log "embedded PostgreSQL $pg still running: stopping it"
        kill -TERM "$pg" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$pg" 2>/dev/null || break; sleep 0.5; done
    fi
}

stop_nginx() {
    [ -n "$NGINX_PID" ] || return 0
    kill -TERM "$NGINX_PID" 2>/dev/null || true
    wait "$NGINX_PID" 2>/dev/null || true
    NGINX_PID=""
}

cleanup() {
    # A script's own background jobs (soak.sh's slow clients) go first, while the server still answers them.
    if [ "$(type -t bench_cleanup)" = function ]; then bench_cleanup || true; fi
    [ -z "$WATCH_PID" ] || kill "$WATCH_PID" 2>/dev/null || true
    stop_nginx
    stop_server
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_server NAME "JVM OPTIONS" [ENV=VALUE ...] [-- COMMAND]: the API (and its embedded PostgreSQL) in the background
start_server() {
    local name=$1 jvm=$2
    shift 2
    local envs=() cmd=(serve)
    while [ $# -gt 0 ]; do
        if [ "$1" = "--" ]; then shift; cmd=("$@"); break; fi
        envs+=("$1"); shift
    done
    # shellcheck disable=SC2086
    env LMO_DATA_DIR="$WORK/data" LMO_EMBEDDED_PG_PORT="$PG_PORT" PORT="$API_PORT" "${envs[@]}" \
        java $jvm -jar "$JAR" "${cmd[@]}" >"$LOGS/$name.log" 2>&1 &
    SERVER_PID=$!
    local started
    started=$(now)
    # BENCH_START_SECONDS: loading the demo seed (graduates' disclosure audit included) takes minutes on a busy machine.
    for _ in $(seq 1 $((2 * ${BENCH_START_SECONDS:-900}))); do
        kill -0 "$SERVER_PID" 2>/dev/null || { tail -30 "$LOGS/$name.log" >&2; fail "server '$name' exited during start (log: $LOGS/$name.log)"; }
        if curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$API_PORT/ready" 2>/dev/null; then
            log "server '$name' (pid $SERVER_PID, java $jvm) ready in $(elapsed "$started") s"
            # The embedded PostgreSQL asks for a password (kept by the server in its data directory) for psql and pgbench too.
            PGPASSWORD="$(cat "$WORK/data/owner.secret")"
            export PGPASSWORD
            return 0
        fi
        sleep 0.5
    done
    fail "server '$name' not ready after ${BENCH_START_SECONDS:-900} s (log: $LOGS/$name.log)"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# need COMMAND PACKAGE: installs PACKAGE from Debian when COMMAND is missing
need() {
    command -v "$1" >/dev/null 2>&1 && return 0
    log "installing $2 (for $1)"
    if [ "$(id -u)" -eq 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >"$LOGS/apt-$2.log" 2>&1 \
            || { apt-get update -q >"$LOGS/apt-update.log" 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >"$LOGS/apt-$2.log" 2>&1; }
    else
        sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >"$LOGS/apt-$2.log" 2>&1
    fi
    command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ] || fail "could not install $2"
}

# wrk_run NAME ARGS...: runs wrk with --latency, prints "requests/s p50_ms p99_ms errors"
wrk_run() {
    local name=$1
    shift
    timeout --foreground $((RUN_SECONDS + 60)) wrk --latency "$@" >"$LOGS/wrk-$name.txt" 2>&1 || fail "wrk $name (log: $LOGS/wrk-$name.txt)"
    local rps p50 p99 errors
    rps=$(awk '/^Requests\/sec:/ { print $2 }' "$LOGS/wrk-$name.txt")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$LOGS/wrk-$name.txt")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$LOGS/wrk-$name.txt")")
    errors=$(awk '/Non-2xx|Socket errors/ { sub(/.*: /, ""); print }' "$LOGS/wrk-$name.txt" | tr '\n' ' ')
    echo "$rps $p50 $p99 ${errors:-none}"
}
