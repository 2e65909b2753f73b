package org.transferlake.ops;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.transferlake.config.Settings;
import org.transferlake.config.SettingsException;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;
import org.transferlake.lake.Metric;

/**
 * A run's scores against the previous published run of the same experiment: per architecture and learner, the mean
 * over folds, repeats and grid points of the units trained on all rows ({@code n_requested = 0}), metric by metric,
 * into {@code ops.run_comparisons} (the run's rows replaced).
 */
public final class RunComparisons {
  /** One metric of one architecture and learner. */
  public record Comparison(String runId, String previousRunId, String experiment, String architecture,
      String learner, String metric, double previous, double current, double change, String verdict,
      double threshold) {
    public boolean worse() {
      return verdict.equals("worse");
    }
  }

  private final Lake lake;
  private final Map<String, Double> thresholds;

  /** @param thresholds per metric, the change (in the metric's units) beyond which it is better or worse */
  public RunComparisons(Lake lake, Map<String, Double> thresholds) {
    this.lake = lake;
    this.thresholds = thresholds;
  }

  /**
   * Every key of {@code transferlake.nightly.thresholds} names a metric (alert-on keys are among them: config
   * checks that).
   *
   * @throws SettingsException naming the key and the metrics
   */
  public static void checkThresholds(Settings settings) {
    for (String metric : settings.nightlyThresholds().keySet()) {
      if (!Metric.known(metric)) {
        throw new SettingsException("transferlake.nightly.thresholds." + metric + ": not a metric of "
            + LakeTable.METRICS.qualifiedName() + "; expected some of " + Metric.columns());
      }
    }
  }

  /** The published run of {@code experiment} started last before {@code runId}; null when there is none. */
  public String previousRun(String runId, String experiment) {
    List<Row> rows = lake.spark().sql("SELECT p.run_id FROM " + lake.name(LakeTable.RUNS) + " p JOIN "
        + lake.name(LakeTable.RUNS) + " c ON c.run_id = " + quote(runId) + " WHERE p.experiment = "
        + quote(experiment) + " AND p.status = 'published' AND p.run_id <> c.run_id AND p.started_at < c.started_at"
        + " ORDER BY p.started_at DESC LIMIT 1").collectAsList();
    return rows.isEmpty() ? null : rows.get(0).getString(0);
  }

  /** Compares {@code runId} with {@code previousRunId} and writes the comparisons; returns them. */
  public List<Comparison> compare(String runId, String previousRunId, String experiment) {
    Map<String, Map<String, Double>> previous = means(previousRunId);
    Map<String, Map<String, Double>> current = means(runId);
    List<Comparison> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, Double>> e : current.entrySet()) {
      Map<String, Double> before = previous.get(e.getKey());
      if (before == null) {
        continue; // an architecture or learner the previous run did not have
      }
      String[] key = e.getKey().split("\t");
      for (Map.Entry<String, Double> threshold : thresholds.entrySet()) {
        Double now = e.getValue().get(threshold.getKey());
        Double then = before.get(threshold.getKey());
        if (now == null || then == null) {
          continue;
        }
        double change = now - then;
        double gain = Metric.named(threshold.getKey()).lowerIsBetter() ? -change : change;
        String verdict = gain > threshold.getValue() ? "better" : gain < -threshold.getValue() ? "worse" : "unchanged";
        out.add(new Comparison(runId, previousRunId, experiment, key[0], key[1], threshold.getKey(), then, now,
            change, verdict, threshold.getValue()));
      }
    }
    write(runId, out);
    return out;
  }

  private void write(String runId, List<Comparison> comparisons) {
    List<Row> rows = comparisons.stream().map(c -> RowFactory.create(c.runId(), c.previousRunId(), c.experiment(),
        c.architecture(), c.learner(), c.metric(), c.previous(), c.current(), c.change(), c.verdict(), c.threshold()))
        .toList();
    lake.overwrite(LakeTable.RUN_COMPARISONS, lake.spark().createDataFrame(rows,
        LakeTable.RUN_COMPARISONS.schema()), col("run_id").equalTo(runId));
  }

  /** {@code architecture \t learner} to the mean of every compared metric (absent where all are null). */
  private Map<String, Map<String, Double>> means(String runId) {
    List<String> metrics = List.copyOf(thresholds.keySet());
    StringBuilder select = new StringBuilder("SELECT architecture, learner");
    metrics.forEach(m -> select.append(", avg(").append(m).append(')'));
    List<Row> rows = lake.spark().sql(select + " FROM " + lake.name(LakeTable.METRICS) + " WHERE run_id = "
        + quote(runId) + " AND n_requested = 0 GROUP BY architecture, learner").collectAsList();
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    for (Row r : rows) {
      Map<String, Double> values = new LinkedHashMap<>();
      for (int i = 0; i < metrics.size(); i++) {
        if (!r.isNullAt(2 + i)) {
          values.put(metrics.get(i), r.getDouble(2 + i));
        }
      }
      out.put(r.getString(0) + "\t" + r.getString(1), values);
    }
    return out;
  }

  static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
