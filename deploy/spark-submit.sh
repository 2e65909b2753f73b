#!/usr/bin/env bash
# Submits transferlake's application jar (jobs/target/transferlake-jobs-*-all.jar, main class
# org.transferlake.jobs.Main) with the settings every run needs. Uses spark-submit from PATH or $SPARK_HOME/bin;
# where neither exists, Spark's own SparkSubmit class from the Maven-built classpath (jobs/target/spark-classpath.txt).
#
# usage: deploy/spark-submit.sh [--mlp] [SPARK-SUBMIT OPTIONS ...] -- COMMAND [ARGS ...]
#   deploy/spark-submit.sh --master spark://head:7077 --executor-memory 6g -- train --experiment expt_gap_quick
#   deploy/spark-submit.sh --mlp --master yarn -- nightly
# --mlp: one-core executors (DJL trains one network per JVM at a time). `--profile cluster` is added unless the
# command names a profile. Options after the wrapper's own go to spark-submit as given, so a --conf repeated
# there wins over the defaults below. Environment: TRANSFERLAKE_JAR (another jar), TRANSFERLAKE_DRIVER_MEMORY
# (driver heap when this script runs SparkSubmit itself, default 4g), TRANSFERLAKE_DJL_CACHE (where executors
# unpack libtorch, 432 MB; default ~/.djl.ai of the executor's user).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

submit_args=()
mlp=false
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  case "$1" in
    --mlp) mlp=true ;;
    *) submit_args+=("$1") ;;
  esac
  shift
done
[ "${1:-}" = "--" ] || { echo "usage: $0 [--mlp] [spark-submit options] -- COMMAND [ARGS]" >&2; exit 2; }
shift
[ $# -gt 0 ] || { echo "$0: no transferlake command after --" >&2; exit 2; }
app_args=("$@")
case " ${app_args[*]} " in *" --profile "*|*" --profile="*) ;; *) app_args+=(--profile cluster) ;; esac

JAR="${TRANSFERLAKE_JAR:-$(ls "$ROOT"/jobs/target/transferlake-jobs-*-all.jar 2>/dev/null | head -n1)}"
[ -f "$JAR" ] || { echo "$0: no application jar; build it with: mvn -DskipTests package" >&2; exit 2; }

djl_opts="-Dai.djl.offline=true -Djava.awt.headless=true"
[ -n "${TRANSFERLAKE_DJL_CACHE:-}" ] && djl_opts="$djl_opts -DENGINE_CACHE_DIR=$TRANSFERLAKE_DJL_CACHE"
defaults=(
  --class org.transferlake.jobs.Main
  # one OpenMP thread per training task: libtorch would otherwise start one per core in every task
  --conf spark.executorEnv.OMP_NUM_THREADS=1
  # DJL must never try to download an engine or call home (the natives travel inside the jar)
  --conf spark.executorEnv.DJL_OFFLINE=true
  --conf "spark.executor.extraJavaOptions=$djl_opts"
  --conf "spark.driver.extraJavaOptions=$djl_opts"
  # libtorch allocates outside the heap
  --conf spark.executor.memoryOverhead=1g
)
if $mlp; then
  defaults+=(--conf spark.executor.cores=1 --conf spark.task.cpus=1)
fi
# The Iceberg SQL extensions and the lake's catalog are set by the application itself (LakeSessions), from the
# profile's transferlake.lake.* settings; spark.sql.catalog.<name>.* keys in a profile pass through to it.

SUBMIT=$(command -v spark-submit || true)
[ -z "$SUBMIT" ] && [ -n "${SPARK_HOME:-}" ] && [ -x "$SPARK_HOME/bin/spark-submit" ] && SUBMIT="$SPARK_HOME/bin/spark-submit"
if [ -n "$SUBMIT" ]; then
  exec "$SUBMIT" "${defaults[@]}" "${submit_args[@]}" "$JAR" "${app_args[@]}"
fi

# No Spark distribution: run SparkSubmit on Java 17 from the classpath the build wrote (stack.md §5).
CP_FILE="$ROOT/jobs/target/spark-classpath.txt"
[ -f "$CP_FILE" ] || { echo "$0: no spark-submit and no $CP_FILE; build with: mvn -DskipTests package" >&2; exit 2; }
java_major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1; }
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/java}"
[ -n "$JAVA" ] && [ "$(java_major "$JAVA")" = 17 ] || JAVA=$(command -v java || true)
if [ -z "$JAVA" ] || [ "$(java_major "$JAVA")" != 17 ]; then
  for candidate in /usr/lib/jvm/*17*/bin/java; do [ -x "$candidate" ] && JAVA="$candidate" && break; done
fi
[ -n "$JAVA" ] && [ "$(java_major "$JAVA")" = 17 ] || { echo "$0: needs Java 17 (Spark 4.1)" >&2; exit 2; }
OPENS="-XX:+IgnoreUnrecognizedVMOptions -Dio.netty.tryReflectionSetAccessible=true"
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
    java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  OPENS="$OPENS --add-opens=java.base/$p=ALL-UNNAMED"
done
# In client mode the driver is this JVM: its heap and options are set here, not by --driver-memory.
exec "$JAVA" $OPENS -Xmx"${TRANSFERLAKE_DRIVER_MEMORY:-4g}" $djl_opts \
  -Dlog4j2.configurationFile="$ROOT/conf/log4j2.properties" ${TRANSFERLAKE_JAVA_OPTS:-} \
  -cp "$(cat "$CP_FILE")" org.apache.spark.deploy.SparkSubmit "${defaults[@]}" "${submit_args[@]}" "$JAR" "${app_args[@]}"
