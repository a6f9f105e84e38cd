#!/usr/bin/env bash
# Issue 20's benchmark: DuckDB vs Spark SQL local[2] on generated events, the rows and bytes that come
# back, and whether the two analyses agree (docs/warehouse.md). Usage: tools/warehouse-benchmark.sh [N[,N...]]
# e.g. tools/warehouse-benchmark.sh 10000000,50000000 — needs ~10 GB of memory at 50M events.
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-10000000}"
mvn -q -B install -DskipTests
mvn -q -B -Pspark -pl warehouse test-compile exec:exec@benchmark -Devents="$events" 2>&1 \
  | grep -v -E '^(WARNING|SLF4J)| INFO | WARN '
