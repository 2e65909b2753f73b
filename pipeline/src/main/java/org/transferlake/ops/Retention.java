package org.transferlake.ops;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;

/**
 * Deletes old nightly runs of an experiment: those started more than {@code keepDays} days ago, except the newest
 * {@code keepLast}. A deleted run loses its rows in results.*, models.registry, ops.run_comparisons and ops.runs,
 * and its model artifacts. Runs not started by {@code nightly} (ids not starting {@code nightly-}) are never touched.
 * Older snapshots still hold the rows until they are expired.
 */
public final class Retention {
  private static final List<LakeTable> RUN_TABLES = List.of(LakeTable.METRICS, LakeTable.PREDICTIONS,
      LakeTable.CAMPAIGN_ROUNDS, LakeTable.RUNGS,
      LakeTable.SELECTED, LakeTable.REGISTRY, LakeTable.RUN_COMPARISONS, LakeTable.RUNS);

  private final Lake lake;
  private final String artifactsRoot;
  private final Duration keep;
  private final int keepLast;

  public Retention(Lake lake, String artifactsRoot, Duration keep, int keepLast) {
    this.lake = lake;
    this.artifactsRoot = artifactsRoot;
    this.keep = keep;
    this.keepLast = keepLast;
  }

  /** Deletes what is due and returns the run ids deleted. */
  public List<String> apply(String experiment, Instant now) throws IOException {
    List<Row> runs = lake.spark().sql("SELECT run_id, started_at FROM " + lake.name(LakeTable.RUNS)
        + " WHERE experiment = " + RunComparisons.quote(experiment) + " AND run_id LIKE 'nightly-%'"
        + " ORDER BY started_at DESC, run_id DESC").collectAsList();
    Timestamp cutoff = Timestamp.from(now.minus(keep));
    List<String> due = new ArrayList<>();
    for (int i = keepLast; i < runs.size(); i++) {
      if (runs.get(i).getTimestamp(1).before(cutoff)) {
        due.add(runs.get(i).getString(0));
      }
    }
    if (due.isEmpty()) {
      return due;
    }
    String ids = String.join(", ", due.stream().map(RunComparisons::quote).toList());
    for (LakeTable table : RUN_TABLES) {
      lake.spark().sql("DELETE FROM " + lake.name(table) + " WHERE run_id IN (" + ids + ")");
    }
    for (String runId : due) {
      Path dir = new Path(artifactsRoot + "/models/" + experiment + "/" + runId);
      FileSystem fs = dir.getFileSystem(lake.spark().sparkContext().hadoopConfiguration());
      fs.delete(dir, true);
    }
    return due;
  }
}
