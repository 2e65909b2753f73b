#!/usr/bin/env bash
# The cluster scale benchmark: one training sweep (60 units) submitted with deploy/spark-submit.sh to a Spark
# standalone cluster on 127.0.0.1 of one one-core worker, then of two, on one lake prepared in local mode.
# Prints one Markdown table (also in bench/cluster/target/results.md): wall time, units phase, training time inside
# the units, speedup and the share of wall time outside training. Settings: TREES (40), WORKERS (1,2).
# Other processes on the machine slow any timing: the load average is printed before and after.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TREES=${TREES:-40} WORKERS=${WORKERS:-1,2}
cd "$ROOT"
mvn -q -B -ntp -DskipTests package >&2
mvn -B -ntp test -Dtest=ClusterScaleBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.trees="$TREES" \
  -Dbench.workers="$WORKERS" -Dbench.out="$ROOT/bench/cluster/target" >&2
cat "$ROOT/bench/cluster/target/results.md"
