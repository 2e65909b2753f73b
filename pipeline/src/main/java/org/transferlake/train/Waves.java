package org.transferlake.train;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;
import org.transferlake.lake.Metric;
import org.transferlake.train.units.UnitCost;
import org.transferlake.train.units.UnitPlan;
import org.transferlake.train.units.UnitResult;
import org.transferlake.train.units.WorkUnit;

/**
 * A run's waves of units in the staging tables {@code ops.staged_*}: what is already staged, each wave trained in
 * Spark tasks and appended there, and the staging cleared.
 */
final class Waves {
  private final Lake lake;

  Waves(Lake lake) {
    this.lake = lake;
  }

  /**
   * Unit ids already staged for this run: those of an interrupted run when resuming. Otherwise none: the staging
   * is cleared, and a published run of this id is withdrawn from {@code ops.runs} first, so that no reader sees its
   * old and new rows mixed while they are replaced.
   */
  Set<String> staged(String runId, boolean resume) {
    if (!resume) {
      lake.spark().sql("DELETE FROM " + lake.name(LakeTable.RUNS) + " WHERE run_id = '" + runId.replace("'", "''")
          + "'");
      clearStaged(runId);
      return Set.of();
    }
    boolean published = !lake.read(LakeTable.RUNS).where(col("run_id").equalTo(runId)).isEmpty();
    Set<String> ids = new HashSet<>();
    lake.read(LakeTable.STAGED_METRICS).where(col("run_id").equalTo(runId)).select("unit_id").collectAsList()
        .forEach(r -> ids.add(r.getString(0)));
    if (ids.isEmpty() && published) {
      throw new org.transferlake.config.SettingsException("run " + runId + " was published and has nothing left"
          + " to resume; train it anew to replace it");
    }
    return ids;
  }

  void clearStaged(String runId) {
    for (LakeTable table : List.of(LakeTable.STAGED_METRICS, LakeTable.STAGED_PREDICTIONS,
        LakeTable.STAGED_RUNGS)) {
      lake.spark().sql("DELETE FROM " + lake.name(table) + " WHERE run_id = '" + runId.replace("'", "''") + "'");
    }
  }

  /**
   * Trains one wave's units in tasks (packed by expected cost) and appends their rows to the staging tables: the
   * rows go from the tasks to the table's files, never through the driver.
   */
  void trainWave(String runId, List<WorkUnit> wave, int partitions, UnitCost cost, JavaSparkContext jsc,
      Broadcast<Shared> shared, ScoreBoard board) {
    List<List<WorkUnit>> bins = UnitPlan.pack(wave, partitions, tasksPerJvm(jsc.sc()), cost);
    JavaRDD<UnitResult> results = jsc.parallelize(bins, bins.size()).flatMap(bin -> {
      Shared s = shared.value();
      Shared.Runners runners = s.runners();
      String metric = Metric.selection(s.data().first().label().isClassification()).column();
      List<UnitResult> out = new ArrayList<>();
      for (WorkUnit unit : bin) {
        UnitResult r = runners.of(unit.features()).run(unit);
        out.add(r);
        board.add(new ScoreBoard.Score(unit.architecture(), unit.learner() + " " + unit.paramsText() + " n"
            + unit.nTrain(), r.metrics().get(metric)));
      }
      return out.iterator();
    }).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      JavaRDD<Row> metrics = results.map(r -> {
        Shared s = shared.value();
        return ResultRows.metrics(runId, s.experiment(), s.data().get(r.unit().features()), r);
      });
      JavaRDD<Row> predictions = results.flatMap(r -> {
        Shared s = shared.value();
        return ResultRows.predictions(runId, s.experiment(), s.data().get(r.unit().features()), r).iterator();
      });
      lake.append(LakeTable.STAGED_METRICS, lake.spark().createDataFrame(metrics,
          lake.read(LakeTable.STAGED_METRICS).schema()));
      lake.append(LakeTable.STAGED_PREDICTIONS, lake.spark().createDataFrame(predictions,
          lake.read(LakeTable.STAGED_PREDICTIONS).schema()));
    } finally {
      results.unpersist();
    }
  }

  /** Tasks one JVM runs at once: all cores in local mode, else {@code spark.executor.cores} (1 unless set). */
  static int tasksPerJvm(org.apache.spark.SparkContext sc) {
    return sc.isLocal() ? sc.defaultParallelism() : sc.getConf().getInt("spark.executor.cores", 1);
  }
}
