#!/usr/bin/env bash
# Query-time aggregation over a grouping at scale (org.lmobservatory.observations.GroupingBenchmark): generates
# ScaleGenerator's monthly dataset, loads and publishes it into an embedded PostgreSQL, groups its municipalities into
# 45 areas, times grouping queries through the observation facade and EXPLAINs the aggregation statement.
# Usage: bench/groupings.sh [municipalities=3000] [years=3]   (rows = municipalities × 18 × 12 × years)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
MUNICIPALITIES=${1:-3000}
YEARS=${2:-3}
mvn -o -q test-compile
mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    org.lmobservatory.observations.GroupingBenchmark "$WORK" "$MUNICIPALITIES" "$YEARS"
