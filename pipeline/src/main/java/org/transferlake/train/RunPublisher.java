package org.transferlake.train;

import static org.apache.spark.sql.functions.col;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferlake.featurize.FeatureTable;
import org.transferlake.featurize.FeaturizerPresets;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;
import org.transferlake.lake.Metric;
import org.transferlake.model.learn.Versions;
import org.transferlake.train.data.ChainCoverage;
import org.transferlake.train.experiment.ExperimentDefinition;
import org.transferlake.train.units.UnitScore;
import org.transferlake.train.units.WorkUnit;

/**
 * Publishes a run: its staged rows into {@code results.*}, each table replaced for the run id in one commit, and
 * its row in {@code ops.runs}, with the input snapshots it read.
 */
final class RunPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(RunPublisher.class);

  private final Lake lake;

  RunPublisher(Lake lake) {
    this.lake = lake;
  }

  /**
   * The run's staged rows replace its rows in results.metrics, results.predictions and results.rungs; then its
   * selection.
   */
  void publishResults(String runId) {
    var thisRun = col("run_id").equalTo(runId);
    lake.overwrite(LakeTable.METRICS, lake.read(LakeTable.STAGED_METRICS).where(thisRun), thisRun);
    lake.overwrite(LakeTable.PREDICTIONS, lake.read(LakeTable.STAGED_PREDICTIONS).where(thisRun), thisRun);
    lake.overwrite(LakeTable.RUNGS, lake.read(LakeTable.STAGED_RUNGS).where(thisRun), thisRun);
    lake.overwrite(LakeTable.SELECTED, selection(runId), thisRun);
  }

  /** Every unit's scores, read back from results.metrics (one small row per unit). */
  List<UnitScore> scores(String runId, List<WorkUnit> units) {
    Map<String, WorkUnit> byId = new HashMap<>();
    units.forEach(u -> byId.put(u.id(), u));
    List<String> names = Metric.columns();
    List<UnitScore> out = new ArrayList<>();
    for (Row r : lake.read(LakeTable.METRICS).where(col("run_id").equalTo(runId))
        .selectExpr(java.util.stream.Stream.concat(java.util.stream.Stream.of("unit_id", "inner_score"), names.stream())
            .toArray(String[]::new)).orderBy("unit_id").collectAsList()) {
      Map<String, Double> metrics = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        metrics.put(names.get(i), r.isNullAt(2 + i) ? null : r.getDouble(2 + i));
      }
      out.add(new UnitScore(byId.get(r.getString(0)), metrics, r.isNullAt(1) ? null : r.getDouble(1)));
    }
    return out;
  }

  /**
   * Per architecture, learner, fold, size and repeat: the hyperparameters with the best inner score (ties to the
   * first params text), with that choice's outer scores. A group with several candidates and no inner score has
   * no selection: choosing by outer scores would peek at the test fold.
   */
  private Dataset<Row> selection(String runId) {
    return lake.spark().sql("SELECT run_id, experiment, architecture, learner, fold, n_train, repeat, params,"
        + " CAST(candidates AS INT) AS candidates, inner_score, " + String.join(", ", selectedMetrics()) + " FROM ("
        + " SELECT *, count(*) OVER g AS candidates,"
        + " row_number() OVER (PARTITION BY architecture, learner, fold, n_train, repeat"
        + " ORDER BY inner_score ASC NULLS LAST, params) AS rank"
        + " FROM " + lake.name(LakeTable.METRICS) + " WHERE run_id = '" + runId + "'"
        + " WINDOW g AS (PARTITION BY architecture, learner, fold, n_train, repeat))"
        + " WHERE rank = 1 AND (candidates = 1 OR inner_score IS NOT NULL)");
  }

  /** The metric columns results.selected keeps, in its order. */
  private static List<String> selectedMetrics() {
    return Arrays.stream(LakeTable.SELECTED.schema().fieldNames()).filter(Metric::known).toList();
  }

  /** The newest snapshot id of every table the run reads, for reproducing it with VERSION AS OF. */
  Map<String, Long> inputSnapshots(ExperimentDefinition e) {
    Map<String, Long> out = new HashMap<>();
    List<String> tables = new ArrayList<>(List.of(lake.name(LakeTable.OBSERVATIONS)));
    FeaturizerPresets.tablesOf(e.features()).forEach(p -> tables.add(new FeatureTable(lake, p).name()));
    for (String table : tables) {
      List<Row> rows = lake.spark().sql("SELECT snapshot_id FROM " + table + ".snapshots ORDER BY committed_at DESC"
          + " LIMIT 1").collectAsList();
      if (!rows.isEmpty()) {
        out.put(table, rows.get(0).getLong(0));
      }
    }
    return out;
  }

  /** @param coverage the target compositions each link of each source chain covered ({@link ChainCoverage}) */
  void recordRun(String runId, ExperimentDefinition e, int units, Instant started, Map<String, Long> snapshots,
      String settings, List<ChainCoverage> coverage) {
    recordRun(runId, "train", e, units, started, snapshots, settings, coverage);
  }

  /** @param kind the run's kind in ops.runs: train, or campaign for a simulated campaign */
  void recordRun(String runId, String kind, ExperimentDefinition e, int units, Instant started,
      Map<String, Long> snapshots, String settings, List<ChainCoverage> coverage) {
    Instant finished = Instant.now();
    String definition;
    try {
      definition = java.nio.file.Files.readString(java.nio.file.Path.of(e.definitionFile()));
    } catch (java.io.IOException ex) {
      definition = "(unreadable: " + ex.getMessage() + ")";
    }
    Row row = RowFactory.create(runId, kind, e.name(), "published", (long) units, Timestamp.from(started),
        Timestamp.from(finished), (finished.toEpochMilli() - started.toEpochMilli()) / 1000.0, Versions.TRANSFERLAKE,
        e.definitionSha256(), definition, settings, scala.jdk.javaapi.CollectionConverters.asScala(snapshots),
        coverage.isEmpty() ? null : scala.jdk.javaapi.CollectionConverters.asScala(runRecord(coverage)));
    lake.overwrite(LakeTable.RUNS, lake.spark().createDataFrame(List.of(row), lake.read(LakeTable.RUNS).schema()),
        col("run_id").equalTo(runId));
    LOG.info("run {} published: {} units of {}", runId, units, e.name());
  }

  private static Map<String, Long> runRecord(List<ChainCoverage> coverage) {
    Map<String, Long> out = new java.util.LinkedHashMap<>();
    coverage.forEach(c -> out.putAll(c.runRecord()));
    return out;
  }
}
