#!/usr/bin/env bash
# Training time of our forest and mlp against scikit-learn and PyTorch on the same data and settings
# (matbench_expt_gap, Magpie features, Matbench fold 0), plus the cost of DJL's one-training-per-JVM rule.
# Prints one Markdown table. Data and results go to bench/learners/target/ (never committed).
# Settings: TREES, HIDDEN, EPOCHS, BATCH, LR, LOCK_TRAININGS, LOCK_EPOCHS, LOCK_ROUNDS (defaults below).
# Other processes on the machine slow any timing: the load average is printed before and after.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT="$ROOT/bench/learners/target"
TREES=${TREES:-200} HIDDEN=${HIDDEN:-128,64} EPOCHS=${EPOCHS:-100} BATCH=${BATCH:-64} LR=${LR:-0.001}
LOCK_TRAININGS=${LOCK_TRAININGS:-4} LOCK_EPOCHS=${LOCK_EPOCHS:-20} LOCK_ROUNDS=${LOCK_ROUNDS:-3}
PYTHON=/usr/bin/python3  # Debian's interpreter, which the apt packages install into

if ! "$PYTHON" -c 'import sklearn, torch' 2>/dev/null; then
  echo "run.sh: installing python3-sklearn and python3-torch (PyPI is not reachable; Debian's are)" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-sklearn python3-torch >&2 \
    || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-sklearn python3-torch >&2; }
fi

mkdir -p "$OUT"
(cd "$ROOT" && mvn -q -B -pl pipeline test-compile dependency:build-classpath -DincludeScope=test \
  -Dmdep.outputFile="$OUT/classpath.txt" >&2)

# As in Surefire and on executors: one OpenMP thread, no DJL download, natives and JNA under target/.
export OMP_NUM_THREADS=1
ARGS=(--out "$OUT" --trees "$TREES" --hidden "$HIDDEN" --epochs "$EPOCHS" --batch "$BATCH" --lr "$LR"
  --lock-trainings "$LOCK_TRAININGS" --lock-epochs "$LOCK_EPOCHS" --lock-rounds "$LOCK_ROUNDS")
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== ours (Java 17, DJL $(ls "$HOME/.m2/repository/ai/djl/api" | tail -1))" >&2
java -Xmx4g -Dai.djl.offline=true -DENGINE_CACHE_DIR="$ROOT/pipeline/target/djl-cache" \
  -Djna.tmpdir="$OUT/jna" -Dtest.transferlake.shared="$ROOT/../shared" \
  -cp "$ROOT/pipeline/target/test-classes:$ROOT/pipeline/target/classes:$(cat "$OUT/classpath.txt")" \
  org.transferlake.bench.LearnerBenchmark "${ARGS[@]}" >&2
echo "== theirs ($("$PYTHON" -c 'import sklearn, torch; print("scikit-learn", sklearn.__version__, "/ PyTorch", torch.__version__)'))" >&2
"$PYTHON" "$ROOT/bench/learners/peers.py" --data "$OUT" --trees "$TREES" --hidden "$HIDDEN" --epochs "$EPOCHS" \
  --batch "$BATCH" --lr "$LR" >&2
# getconf, not nproc: nproc reports OMP_NUM_THREADS.
echo "== $(getconf _NPROCESSORS_ONLN) cores, load average $LOAD_BEFORE before and $(cut -d' ' -f1-3 /proc/loadavg) after;" \
  "trees=$TREES hidden=$HIDDEN epochs=$EPOCHS batch=$BATCH lr=$LR; lock: $LOCK_TRAININGS trainings of" \
  "$LOCK_EPOCHS epochs, median of $LOCK_ROUNDS rounds"
echo
"$PYTHON" "$ROOT/bench/learners/table.py" "$OUT"
