#!/usr/bin/env bash
# How fast the sql shell answers: five statements through one `transferlake sql` session (one JVM, one Spark
# session), against the same five as separate one-statement commands (a cold JVM and Spark start each), the
# baseline. Issue "Ask the lake" asks for the 2nd to 5th shell answers in <= 2 s each on the 2-core machine.
# The shell's first answer waits for its warm-up (SqlRunner.warmUp), which a person at a terminal spends typing.
# LAKE: a lake root to query; unset, a scratch lake under bench/sql/target/ is ingested from TRANSFERLAKE_MIRROR
# (matbench_expt_gap and matbench_mp_gap, about 111k observations). The load average is printed before and after.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT="$ROOT/bench/sql/target"
TL="$ROOT/bin/transferlake"
mkdir -p "$OUT"
if [ -z "${LAKE:-}" ]; then
  LAKE="$OUT/lake"
  if [ ! -d "$LAKE/warehouse/curated" ]; then
    : "${TRANSFERLAKE_MIRROR:?set TRANSFERLAKE_MIRROR to the public downloads (../shared/data), or LAKE to a lake}"
    echo "run.sh: ingesting a scratch lake into $LAKE" >&2
    "$TL" ingest --source matbench_expt_gap,matbench_mp_gap --set transferlake.lake.root="$LAKE" >&2
  fi
fi
"$TL" --version >/dev/null # builds first if needed, so that no build is timed

STATEMENTS=(
  "SELECT count(*) AS observations FROM lake.curated.observations"
  "SELECT source_id, fidelity, count(*) AS n, round(avg(value_double), 3) AS mean FROM lake.curated.observations GROUP BY 1, 2 ORDER BY 1"
  "SELECT o.source_id, s.licence, count(*) AS n FROM lake.curated.observations o JOIN lake.curated.sources s ON o.source_id = s.source_id GROUP BY 1, 2"
  "SELECT composition_key, value_double FROM lake.curated.observations WHERE fidelity = 'experiment' ORDER BY value_double DESC LIMIT 10"
  "SELECT source_id, reason_code, count(*) AS n FROM lake.curated.rejects GROUP BY 1, 2"
)

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
start=$(date +%s.%N)
printf '%s;\n' "${STATEMENTS[@]}" | "$TL" sql --set transferlake.lake.root="$LAKE" >"$OUT/shell.out" 2>"$OUT/shell.err"
shell_total=$(echo "$(date +%s.%N) - $start" | bc)
mapfile -t SHELL_SECONDS < <(sed -n 's/^(.* rows\?, \([0-9.]*\) s.*/\1/p' "$OUT/shell.err")
if [ "${#SHELL_SECONDS[@]}" -ne ${#STATEMENTS[@]} ]; then
  echo "run.sh: expected ${#STATEMENTS[@]} answers from the shell; its stderr:" >&2
  cat "$OUT/shell.err" >&2
  exit 1
fi

echo "| # | statement | shell answer (s) | one-statement command, wall (s) | ratio |"
echo "|---|---|---:|---:|---:|"
for i in "${!STATEMENTS[@]}"; do
  s=$(date +%s.%N)
  "$TL" sql "${STATEMENTS[$i]}" --set transferlake.lake.root="$LAKE" >/dev/null 2>&1
  cold=$(echo "$(date +%s.%N) - $s" | bc)
  printf '| %d | `%.60s...` | %.2f | %.1f | %.3f |\n' $((i + 1)) "${STATEMENTS[$i]}" "${SHELL_SECONDS[$i]}" "$cold" \
    "$(echo "${SHELL_SECONDS[$i]} / $cold" | bc -l)"
done
printf '\nshell: %.1f s wall for all five, JVM and Spark start included\n' "$shell_total"
echo "$(getconf _NPROCESSORS_ONLN) cores, load average $LOAD_BEFORE before and $(cut -d' ' -f1-3 /proc/loadavg) after"
