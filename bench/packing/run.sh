#!/usr/bin/env bash
# The packing benchmark: one experiment trained by this checkout and by an earlier commit (BASE), in turn, PASSES
# times each, on one lake, in local mode. It prints each run's units phase ("all units done in") and wall time, and
# checks that both give the same metrics unit by unit. Made to measure the staggered mlp units of UnitPlan.pack
# against BASE's packing in cost order; any two commits compare the same way.
# Settings: BASE (cf2fc6f: cost order), EXPERIMENT (study1_gap_mp_pbe), PROFILE (paper), PASSES (2),
# LAKE (/tmp/transferlake-packing-lake; ingested and featurized first when it has no features yet).
# Other processes on the machine slow any timing: the load average is printed before and after.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BASE=${BASE:-cf2fc6f} EXPERIMENT=${EXPERIMENT:-study1_gap_mp_pbe} PROFILE=${PROFILE:-paper} PASSES=${PASSES:-2}
LAKE=${LAKE:-/tmp/transferlake-packing-lake}
export TRANSFERLAKE_MIRROR=${TRANSFERLAKE_MIRROR:-$ROOT/../shared/data}
OUT="$ROOT/bench/packing/target"
BASE_TREE="$OUT/base-$BASE"
mkdir -p "$OUT"
if [ ! -d "$BASE_TREE" ]; then
  git -C "$ROOT" worktree add --detach "$BASE_TREE" "$BASE" >&2
fi
tl() { local tree=$1; shift; "$tree/bin/transferlake" "$@" --set transferlake.lake.root="$LAKE"; }
if [ ! -d "$LAKE/warehouse/features" ]; then
  tl "$ROOT" ingest --profile "$PROFILE" >&2
  tl "$ROOT" featurize --profile "$PROFILE" >&2
fi
"$BASE_TREE/bin/transferlake" --help > /dev/null  # builds each checkout first, outside the timings
"$ROOT/bin/transferlake" --help > /dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| pass | build | units phase (s) | wall (s) |"
echo "|---|---|---:|---:|"
for pass in $(seq "$PASSES"); do
  order=("$BASE_TREE" "$ROOT")
  [ $((pass % 2)) -eq 0 ] && order=("$ROOT" "$BASE_TREE")  # alternate which goes first
  for tree in "${order[@]}"; do
    name=$([ "$tree" = "$ROOT" ] && echo this || echo "$BASE")
    start=$(date +%s)
    tl "$tree" train --experiment "$EXPERIMENT" --profile "$PROFILE" \
      --set transferlake.run.id="packing-$name-$pass" > "$OUT/train-$name-$pass.log" 2>&1
    phase=$(grep -o 'all units done in [0-9.]*' "$OUT/train-$name-$pass.log" | grep -o '[0-9.]*$')
    echo "| $pass | $name | $phase | $(( $(date +%s) - start )) |"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
tl "$ROOT" sql "SELECT count(*) AS units, sum(CASE WHEN a.mae = b.mae THEN 1 ELSE 0 END) AS equal_mae
  FROM lake.results.metrics a JOIN lake.results.metrics b ON a.unit_id = b.unit_id
  WHERE a.run_id = 'packing-$BASE-1' AND b.run_id = 'packing-this-1'" 2>/dev/null
