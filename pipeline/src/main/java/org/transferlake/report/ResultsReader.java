package org.transferlake.report;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;
import org.transferlake.lake.Metric;
import scala.jdk.javaapi.CollectionConverters;

/** Reads the lake's result tables into plain records, for published runs only. */
final class ResultsReader {
  private final Lake lake;

  public ResultsReader(Lake lake) {
    this.lake = lake;
  }

  /** Every published train and campaign run, oldest first (by finish time, then id). */
  public List<PublishedRun> publishedRuns() {
    List<Row> rows = lake.read(LakeTable.RUNS).filter(col("status").equalTo("published")
        .and(col("kind").isin("train", "campaign"))).orderBy(col("finished_at"), col("run_id")).collectAsList();
    List<PublishedRun> out = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Long> snapshots = new TreeMap<>();
      scala.collection.Map<String, Long> raw = r.getAs("input_snapshots");
      if (raw != null) {
        snapshots.putAll(CollectionConverters.asJava(raw));
      }
      Map<String, Long> coverage = new TreeMap<>();
      scala.collection.Map<String, Long> covered = r.getAs("source_coverage");
      if (covered != null) {
        coverage.putAll(CollectionConverters.asJava(covered));
      }
      java.sql.Timestamp started = r.getAs("started_at");
      java.sql.Timestamp finished = r.getAs("finished_at");
      Long units = r.getAs("units");
      Double seconds = r.getAs("seconds");
      out.add(new PublishedRun(r.getAs("run_id"), r.getAs("experiment"), units == null ? 0 : units,
          started == null ? null : started.toInstant(), finished == null ? null : finished.toInstant(),
          seconds == null ? Double.NaN : seconds, r.getAs("code_version"), r.getAs("config_sha256"),
          r.getAs("definition"), r.getAs("settings"), snapshots, coverage, r.getAs("kind")));
    }
    return out;
  }

  /** A campaign run's rounds ({@code results.campaign_rounds}), by arm, repeat and round. */
  public List<CampaignSection.RoundRow> campaignRounds(PublishedRun run) {
    List<Row> rows = lake.read(LakeTable.CAMPAIGN_ROUNDS).filter(col("run_id").equalTo(run.runId()))
        .select("arm", "strategy", "architecture", "repeat", "round", "measured", "hits", "revealed_values",
            "mae_unmeasured").orderBy("arm", "repeat", "round").collectAsList();
    List<CampaignSection.RoundRow> out = new ArrayList<>();
    for (Row r : rows) {
      List<Double> values = r.isNullAt(7) ? List.of() : CollectionConverters.asJava(r.<scala.collection.Seq<Double>>getAs(7));
      out.add(new CampaignSection.RoundRow(r.getString(0), r.getString(1), r.getString(2), r.getInt(3), r.getInt(4),
          r.getInt(5), r.getInt(6), List.copyOf(values), r.isNullAt(8) ? null : r.getDouble(8)));
    }
    return out;
  }

  /** The run's metrics rows, in a stable order. */
  public List<UnitMetrics> metrics(PublishedRun run) {
    List<Row> rows = lake.read(LakeTable.METRICS).filter(col("run_id").equalTo(run.runId())
        .and(col("experiment").equalTo(run.experiment()))).orderBy("unit_id").collectAsList();
    List<UnitMetrics> out = new ArrayList<>();
    for (Row r : rows) {
      String unitId = r.getAs("unit_id");
      int nTrain = r.<Integer>getAs("n_train");
      out.add(new UnitMetrics(unitId, r.getAs("target_context"), r.getAs("architecture"), r.getAs("learner"),
          r.getAs("params"), r.<Integer>getAs("fold"), r.<Integer>getAs("n_requested") != null ? r.<Integer>getAs("n_requested")
              : UnitMetrics.requestedSize(unitId, nTrain), nTrain,
          r.<Integer>getAs("n_test"), r.<Integer>getAs("repeat"), score(r, Metric.MAE), score(r, Metric.RMSE),
          score(r, Metric.R2), score(r, Metric.WITHIN_1SD), score(r, Metric.WITHIN_2SD), score(r, Metric.ACCURACY),
          score(r, Metric.BALANCED_ACCURACY), score(r, Metric.F1), score(r, Metric.ROC_AUC),
          score(r, Metric.LOG_LOSS), r.getAs("inner_score")));
    }
    return out;
  }

  private static Double score(Row r, Metric metric) {
    return r.getAs(metric.column());
  }

  /** The run's hyperparameter choices. */
  public List<SelectedParams> selected(PublishedRun run) {
    List<Row> rows = lake.read(LakeTable.SELECTED).filter(col("run_id").equalTo(run.runId())
        .and(col("experiment").equalTo(run.experiment())))
        .orderBy("architecture", "learner", "n_train", "fold", "repeat").collectAsList();
    List<SelectedParams> out = new ArrayList<>();
    for (Row r : rows) {
      Integer candidates = r.getAs("candidates");
      out.add(new SelectedParams(r.getAs("architecture"), r.getAs("learner"), r.<Integer>getAs("fold"),
          r.<Integer>getAs("n_train"), r.<Integer>getAs("repeat"), r.getAs("params"),
          candidates == null ? 0 : candidates, r.getAs("inner_score")));
    }
    return out;
  }

  /** The predictions of the given units of the run, ordered by unit and test record. */
  public List<TestPrediction> predictions(PublishedRun run, Collection<String> unitIds) {
    if (unitIds.isEmpty()) {
      return List.of();
    }
    List<Row> rows = lake.read(LakeTable.PREDICTIONS).filter(col("run_id").equalTo(run.runId())
        .and(col("experiment").equalTo(run.experiment())).and(col("unit_id").isin(unitIds.toArray())))
        .select("unit_id", "architecture", "learner", "fold", "repeat", "source_file", "record_number", "actual",
            "mean", "std", "actual_label", "predicted_label", "probabilities", "std_uncalibrated")
        .orderBy("unit_id", "source_file", "record_number").collectAsList();
    List<TestPrediction> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(new TestPrediction(r.getString(0), r.getString(1), r.getString(2), r.getInt(3), r.getInt(4),
          r.getString(5), r.getLong(6), r.isNullAt(7) ? null : r.getDouble(7), r.isNullAt(8) ? null : r.getDouble(8),
          r.isNullAt(9) ? null : r.getDouble(9), r.getString(10), r.getString(11),
          r.isNullAt(12) ? null : doubles(r.getList(12)), r.isNullAt(13) ? null : r.getDouble(13)));
    }
    return out;
  }

  private static double[] doubles(List<Double> values) {
    return values.stream().mapToDouble(v -> v == null ? Double.NaN : v).toArray();
  }

  /** Every source's citation, by source id. */
  public Map<String, SourceCitation> sources() {
    Map<String, SourceCitation> out = new LinkedHashMap<>();
    for (Row r : lake.read(LakeTable.SOURCES).orderBy("source_id").collectAsList()) {
      scala.collection.Seq<String> flags = r.getAs("flags");
      out.put(r.getAs("source_id"), new SourceCitation(r.getAs("source_id"), r.getAs("title"), r.getAs("citation"),
          r.getAs("licence"), r.getAs("origin_url"), r.getAs("origin_repository"), r.getAs("origin_commit"),
          flags == null ? List.of() : List.copyOf(CollectionConverters.asJava(flags))));
    }
    return out;
  }
}
