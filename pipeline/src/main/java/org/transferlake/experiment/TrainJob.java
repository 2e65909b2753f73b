package org.transferlake.experiment;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferlake.lake.FeatureTable;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;
import org.transferlake.learn.Versions;
import org.transferlake.registry.ModelRegistry;
import org.transferlake.transfer.SourceModels;

/**
 * Runs an experiment: expands it into work units, trains every unit inside a Spark task (units packed by
 * expected cost), and writes metrics, out-of-fold predictions and the inner-validated selection, each table
 * replaced for this run id in one commit, and the run's row in {@code ops.runs} last.
 */
public final class TrainJob {
  private static final Logger LOG = LoggerFactory.getLogger(TrainJob.class);

  private final Lake lake;
  private final ModelRegistry registry;

  public TrainJob(Lake lake, ModelRegistry registry) {
    this.lake = lake;
    this.registry = registry;
  }

  /** What {@code train --dry-run} prints: the units and a rough time. */
  public record Plan(int units, int folds, int targetRows, List<Integer> sourceRows, Map<String, Long> gridSizes) {}

  public Plan plan(ExperimentDefinition e, ExperimentData data) {
    Map<String, Long> grids = new java.util.LinkedHashMap<>();
    e.learners().forEach(l -> grids.put(l.name(), (long) l.points(e.seed()).size()));
    return new Plan(UnitPlan.expand(e, data.foldCount()).size(), data.foldCount(), data.rows(),
        data.sources().stream().map(s -> s.rows()).toList(), grids);
  }

  /** Everything a task needs, shipped once per executor. */
  private record Shared(ExperimentDefinition experiment, ExperimentData data, SourceModels sources)
      implements Serializable {}

  /**
   * Trains every unit and writes the results.
   *
   * @param sources stage-one models of the experiment's sources (trained here on the driver when first needed)
   * @param partitions tasks to spread the units over
   */
  public List<UnitResult> run(String runId, ExperimentDefinition e, ExperimentData data, SourceModels sources,
      int partitions, String settings) {
    Instant started = Instant.now();
    Map<String, Long> snapshots = inputSnapshots(e);
    List<WorkUnit> units = UnitPlan.expand(e, data.foldCount());
    prepareSources(e, data, sources);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(lake.spark().sparkContext());
    Broadcast<Shared> shared = jsc.broadcast(new Shared(e, data, sources));
    LongAccumulator done = jsc.sc().longAccumulator("units done");
    List<List<WorkUnit>> bins = UnitPlan.pack(units, partitions, data.rows());
    JavaRDD<UnitResult> results = jsc.parallelize(bins, bins.size()).flatMap(bin -> {
      Shared s = shared.value();
      UnitRunner runner = new UnitRunner(s.experiment(), s.data(), s.sources());
      List<UnitResult> out = new ArrayList<>();
      for (WorkUnit unit : bin) {
        out.add(runner.run(unit));
        done.add(1);
      }
      return out.iterator();
    }).persist(StorageLevel.MEMORY_AND_DISK());
    try (Progress progress = new Progress(done, units.size())) {
      List<UnitResult> collected = results.collect();
      progress.finish();
      write(runId, e, data, collected);
      registerFinalModels(runId, e, data, collected, jsc, shared);
      recordRun(runId, e, units.size(), started, snapshots, settings);
      return collected;
    } finally {
      results.unpersist();
      shared.destroy();
    }
  }

  /**
   * Trains the source models every unit shares, on the driver, before the units start: the cross-fitted ones the
   * target's compositions need, and each source's model on all rows, which final models keep.
   */
  private static void prepareSources(ExperimentDefinition e, ExperimentData data, SourceModels sources) {
    boolean stageOne = e.architectures().contains("difference") || e.architectures().contains("latent_variable");
    for (int i = 0; stageOne && i < sources.size(); i++) {
      sources.estimate(i, data.keys(), data.x(), e.useMeasured());
    }
    if (stageOne) {
      sources.freeze();
    }
  }

  /**
   * Refits each architecture and learner's chosen hyperparameters on every target row, one Spark task each, and
   * registers the models with the cross-validated scores that chose them.
   */
  private void registerFinalModels(String runId, ExperimentDefinition e, ExperimentData data,
      List<UnitResult> results, JavaSparkContext jsc, Broadcast<Shared> shared) {
    List<FinalChoice> choices = FinalChoice.choose(results, data.label().isClassification());
    if (choices.isEmpty()) {
      LOG.info("run {}: no unit trained on whole folds (learning-curve without 'all'), so no model registered", runId);
      return;
    }
    Map<String, String> about = Map.of("experiment", e.name(), "run_id", runId, "features", e.features(),
        "config_sha256", e.definitionSha256());
    List<FinalFit> fits = jsc.parallelize(choices, choices.size()).map(choice -> {
      Shared s = shared.value();
      return new UnitRunner(s.experiment(), s.data(), s.sources()).fitFinal(choice, about);
    }).collect();
    try {
      registry.write(runId, e.name(), data.targetContext(), e.features(), fits);
    } catch (java.io.IOException ex) {
      throw new java.io.UncheckedIOException("run " + runId + ": cannot write model artifacts", ex);
    }
    LOG.info("run {}: registered {} final models in {}", runId, fits.size(), lake.name(LakeTable.REGISTRY));
  }

  private void write(String runId, ExperimentDefinition e, ExperimentData data, List<UnitResult> results) {
    List<Row> metrics = new ArrayList<>();
    List<Row> predictions = new ArrayList<>();
    List<String> classes = data.label().classes();
    String sourceId = ContextRef.parse(data.targetContext()).sourceId();
    for (UnitResult r : results) {
      WorkUnit u = r.unit();
      Map<String, Double> m = r.metrics();
      metrics.add(RowFactory.create(runId, e.name(), data.targetContext(), u.id(), u.architecture(), u.learner(),
          u.paramsText(), u.fold(), r.nTrain(), r.nTest(), u.repeat(), u.seed(), m.get("mae"), m.get("rmse"),
          m.get("r2"), m.get("max_error"), m.get("within_1sd"), m.get("within_2sd"), m.get("mean_sd"),
          m.get("accuracy"), m.get("balanced_accuracy"), m.get("f1"), m.get("roc_auc"), m.get("log_loss"),
          r.innerScore(), r.fitSeconds(), r.predictSeconds(), Versions.TRANSFERLAKE, e.definitionSha256()));
      for (int i = 0; i < r.testRows().length; i++) {
        int row = r.testRows()[i];
        boolean classification = r.probabilities() != null;
        Double actual = classification ? null : data.y()[row];
        String actualLabel = classification ? classes.get((int) data.y()[row]) : null;
        Double mean = classification ? null : r.mean()[i];
        Double std = classification ? null : r.std()[i];
        String predicted = null;
        scala.collection.immutable.Seq<Object> probabilities = null;
        if (classification) {
          double[] p = r.probabilities()[i];
          int best = 0;
          for (int c = 1; c < p.length; c++) {
            best = p[c] > p[best] ? c : best;
          }
          predicted = classes.get(best);
          List<Object> boxed = new ArrayList<>();
          for (double v : p) {
            boxed.add(v);
          }
          probabilities = scala.jdk.javaapi.CollectionConverters.asScala(boxed).toSeq();
        }
        predictions.add(RowFactory.create(runId, e.name(), u.id(), u.architecture(), u.learner(), u.paramsText(),
            u.fold(), r.nTrain(), u.repeat(), sourceId, data.sourceFiles()[row], data.recordNumbers()[row],
            data.keys()[row], actual, actualLabel, mean, std, predicted, probabilities));
      }
    }
    var thisRun = col("run_id").equalTo(runId);
    lake.overwrite(LakeTable.METRICS, frame(metrics, LakeTable.METRICS), thisRun);
    lake.overwrite(LakeTable.PREDICTIONS, frame(predictions, LakeTable.PREDICTIONS), thisRun);
    lake.overwrite(LakeTable.SELECTED, selection(runId), thisRun);
  }

  /**
   * Per architecture, learner, fold, size and repeat: the hyperparameters with the best inner score (ties to the
   * first params text), with that choice's outer scores. A group with several candidates and no inner score has
   * no selection: choosing by outer scores would peek at the test fold.
   */
  private Dataset<Row> selection(String runId) {
    return lake.spark().sql("SELECT run_id, experiment, architecture, learner, fold, n_train, repeat, params,"
        + " CAST(candidates AS INT) AS candidates, inner_score, mae, rmse, accuracy, log_loss FROM ("
        + " SELECT *, count(*) OVER g AS candidates,"
        + " row_number() OVER (PARTITION BY architecture, learner, fold, n_train, repeat"
        + " ORDER BY inner_score ASC NULLS LAST, params) AS rank"
        + " FROM " + lake.name(LakeTable.METRICS) + " WHERE run_id = '" + runId + "'"
        + " WINDOW g AS (PARTITION BY architecture, learner, fold, n_train, repeat))"
        + " WHERE rank = 1 AND (candidates = 1 OR inner_score IS NOT NULL)");
  }

  private Dataset<Row> frame(List<Row> rows, LakeTable table) {
    return lake.spark().createDataFrame(rows, lake.read(table).schema());
  }

  /** The newest snapshot id of every table the run reads, for reproducing it with VERSION AS OF. */
  private Map<String, Long> inputSnapshots(ExperimentDefinition e) {
    Map<String, Long> out = new HashMap<>();
    for (String table : List.of(lake.name(LakeTable.OBSERVATIONS), new FeatureTable(lake, e.features()).name())) {
      List<Row> rows = lake.spark().sql("SELECT snapshot_id FROM " + table + ".snapshots ORDER BY committed_at DESC"
          + " LIMIT 1").collectAsList();
      if (!rows.isEmpty()) {
        out.put(table, rows.get(0).getLong(0));
      }
    }
    return out;
  }

  private void recordRun(String runId, ExperimentDefinition e, int units, Instant started, Map<String, Long> snapshots,
      String settings) {
    Instant finished = Instant.now();
    String definition;
    try {
      definition = java.nio.file.Files.readString(java.nio.file.Path.of(e.definitionFile()));
    } catch (java.io.IOException ex) {
      definition = "(unreadable: " + ex.getMessage() + ")";
    }
    Row row = RowFactory.create(runId, "train", e.name(), "published", (long) units, Timestamp.from(started),
        Timestamp.from(finished), (finished.toEpochMilli() - started.toEpochMilli()) / 1000.0, Versions.TRANSFERLAKE,
        e.definitionSha256(), definition, settings, scala.jdk.javaapi.CollectionConverters.asScala(snapshots));
    lake.overwrite(LakeTable.RUNS, lake.spark().createDataFrame(List.of(row), lake.read(LakeTable.RUNS).schema()),
        col("run_id").equalTo(runId));
    LOG.info("run {} published: {} units of {}", runId, units, e.name());
  }

  /** Prints units done / total, units per second and the time left, every few seconds, while units run. */
  private static final class Progress implements AutoCloseable {
    private final Thread thread;
    private final long start = System.nanoTime();

    Progress(LongAccumulator done, int total) {
      thread = new Thread(() -> {
        try {
          while (!Thread.currentThread().isInterrupted()) {
            Thread.sleep(10_000);
            long n = done.value();
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = n / seconds;
            LOG.info("units {}/{}  {} units/s  ETA {}", n, total, String.format("%.2f", rate),
                rate > 0 ? String.format("%.0fs", (total - n) / rate) : "?");
          }
        } catch (InterruptedException ignored) {
          Thread.currentThread().interrupt();
        }
      }, "train-progress");
      thread.setDaemon(true);
      thread.start();
    }

    void finish() {
      LOG.info("all units done in {}s", String.format("%.1f", (System.nanoTime() - start) / 1e9));
    }

    @Override
    public void close() {
      thread.interrupt();
    }
  }
}
