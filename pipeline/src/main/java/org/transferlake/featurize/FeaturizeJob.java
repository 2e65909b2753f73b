package org.transferlake.featurize;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.transferlake.config.Settings;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;

/**
 * Computes features once per distinct composition key into {@code features.<preset>}. Incremental: a
 * run featurizes only the keys the table lacks and appends them; when the featurizer's version or the
 * element table's checksum differs from what the table's rows were computed with, it recomputes every
 * key and replaces the table in one commit. Nothing is collected to the driver but the element table.
 */
public final class FeaturizeJob {
  /** The column counting what a composition's elements lack in the element table. */
  public static final String MISSING = "missing_element_values";

  private final Lake lake;
  private final String elementSource;
  private final int rowsPerPartition;
  private final int progressSeconds;
  private final Consumer<String> log;

  /**
   * @param elementSource the element-table source the Magpie presets read; the others read their own
   * @param rowsPerPartition compositions per Spark task
   * @param progressSeconds seconds between progress lines to {@code log}; 0 for none
   */
  public FeaturizeJob(Lake lake, String elementSource, int rowsPerPartition, int progressSeconds,
      Consumer<String> log) {
    this.lake = lake;
    this.elementSource = elementSource;
    this.rowsPerPartition = rowsPerPartition;
    this.progressSeconds = progressSeconds;
    this.log = log;
  }

  /** The job as the settings ({@code transferlake.featurize.*}) describe it. */
  public static FeaturizeJob fromSettings(Lake lake, Settings settings, Consumer<String> log) {
    return new FeaturizeJob(lake, settings.featurizeElementSource(), settings.featurizeRowsPerPartition(),
        settings.featurizeProgressSeconds(), log);
  }

  /** Featurizes the composition keys of {@code curated.observations}, across all contexts. */
  public FeaturizeOutcome run(String runId, String preset) {
    return run(runId, preset, lake.read(LakeTable.OBSERVATIONS));
  }

  /**
   * Featurizes the distinct values of the column {@code composition_key} of {@code keys}.
   *
   * @throws IllegalStateException when the preset's element table has not been ingested
   */
  public FeaturizeOutcome run(String runId, String preset, Dataset<Row> keys) {
    if (FeaturizerPresets.parts(preset).size() > 1) {
      throw new IllegalArgumentException("preset " + preset + " is a combination, read from the tables of "
          + String.join(", ", FeaturizerPresets.parts(preset)) + ": featurize those");
    }
    long started = System.nanoTime();
    FeatureTable table = new FeatureTable(lake, preset);
    CompositionFeaturizerTransformer stage = new CompositionFeaturizerTransformer()
        .setInputCol(FeatureTable.KEY).setInputKind("key").setPreset(preset).setOutputLayout("columns");
    String elementSha = null;
    LakeElementTable elements = LakeElementTable.forPreset(lake, preset, elementSource);
    if (elements != null) {
      stage.setElementTable(elements.table()).setMissingCountCol(MISSING);
      elementSha = elements.sha256();
    }
    String version = stage.featurizer().version();
    String stale = staleness(table, version, elementSha);
    boolean incremental = stale == null;

    Dataset<Row> distinct = keys.select(FeatureTable.KEY).where(col(FeatureTable.KEY).isNotNull()).distinct();
    Dataset<Row> todo = (incremental ? distinct.join(table.read().select(FeatureTable.KEY), FeatureTable.KEY,
        "left_anti") : distinct).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long total = todo.count();
      if (incremental && total == 0) {
        return outcome(table, runId, preset, FeaturizeOutcome.UP_TO_DATE, "every key is featurized", 0, version,
            elementSha, started);
      }
      int partitions = (int) Math.max(lake.spark().sparkContext().defaultParallelism(),
          (total + rowsPerPartition - 1) / rowsPerPartition);
      LongAccumulator done = lake.spark().sparkContext().longAccumulator("featurize " + preset);
      // the stamps go in before the features: added after, they would cost one more copy of every row
      Dataset<Row> stamped = todo.repartition(partitions, col(FeatureTable.KEY))
          .withColumn(FeatureTable.VERSION, lit(version))
          .withColumn(FeatureTable.ELEMENT_TABLE_SHA256, lit(elementSha).cast("string"))
          .withColumn(FeatureTable.RUN_ID, lit(runId));
      Dataset<Row> rows = stage.transformCounting(stamped, done);
      try (FeaturizeProgress progress = FeaturizeProgress.start(preset, total, done, progressSeconds, log)) {
        if (incremental) {
          table.append(rows);
        } else {
          table.replace(rows, FeaturizerPresets.fewValuedColumns(preset));
        }
      }
      return outcome(table, runId, preset, incremental ? FeaturizeOutcome.INCREMENTAL : FeaturizeOutcome.FULL,
          incremental ? total + " new keys" : stale, total, version, elementSha, started);
    } finally {
      todo.unpersist();
    }
  }

  /** Why the table must be recomputed whole, or null when its rows are current. */
  private static String staleness(FeatureTable table, String version, String elementSha) {
    List<FeatureTable.Stamp> stamps = table.stamps();
    if (stamps.isEmpty()) {
      return "new table";
    }
    for (FeatureTable.Stamp s : stamps) {
      if (!s.featurizerVersion().equals(version)) {
        return "featurizer version " + s.featurizerVersion() + " -> " + version;
      }
      if (!Objects.equals(s.elementTableSha256(), elementSha)) {
        return "element table sha256 " + s.elementTableSha256() + " -> " + elementSha;
      }
    }
    return null;
  }

  /**
   * The outcome, with the table's counts. The rows this run wrote with missing values are told by their
   * run id, so a run id used twice (a configured {@code transferlake.run.id}) counts earlier rows too.
   */
  private FeaturizeOutcome outcome(FeatureTable table, String runId, String preset, String mode, String reason,
      long written, String version, String elementSha, long started) {
    String missing = FeaturizerPresets.elementProperties(preset).isEmpty() ? "false" : MISSING + " > 0";
    String mine = FeatureTable.RUN_ID + " = '" + runId.replace("'", "''") + "'";
    Row r = lake.spark().sql("SELECT count(*), count_if(" + missing + "), count_if(" + mine + " AND " + missing
        + ") FROM " + table.name()).first();
    return new FeaturizeOutcome(preset, table.name(), mode, reason, written, written == 0 ? 0 : r.getLong(2),
        r.getLong(0), r.getLong(1), version, elementSha, (System.nanoTime() - started) / 1e9);
  }
}
