package org.transferlake.train;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferlake.featurize.FeatureTable;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;
import org.transferlake.lake.Metric;
import org.transferlake.model.components.Components;
import org.transferlake.model.learn.Versions;
import org.transferlake.model.registry.FinalChoice;
import org.transferlake.model.registry.FinalFit;
import org.transferlake.model.registry.ModelRegistry;
import org.transferlake.model.transfer.ArchitectureComponent;
import org.transferlake.model.transfer.SourceModels;
import org.transferlake.train.data.ExperimentData;
import org.transferlake.train.experiment.ExperimentDefinition;
import org.transferlake.train.units.FinalChoices;
import org.transferlake.train.units.UnitCost;
import org.transferlake.train.units.UnitPlan;
import org.transferlake.train.units.UnitResult;
import org.transferlake.train.units.UnitRunner;
import org.transferlake.train.units.UnitScore;
import org.transferlake.train.units.WorkUnit;

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

  /**
   * What {@code train --dry-run} prints: the units, and the expected seconds of training on one core (the final
   * models included), to divide by the cores the run gets.
   */
  public record Plan(int units, int folds, int targetRows, List<Integer> sourceRows, Map<String, Long> gridSizes,
      double coreSeconds) {}

  public Plan plan(ExperimentDefinition e, ExperimentData data) {
    Map<String, Long> grids = new java.util.LinkedHashMap<>();
    e.learners().forEach(l -> grids.put(l.name(), (long) l.points(e.seed()).size()));
    List<WorkUnit> units = UnitPlan.expand(e, data.foldCount());
    UnitCost cost = cost(e, data);
    double seconds = units.stream().mapToDouble(cost::seconds).sum();
    // A final fit per architecture and learner, on all rows: about one unit at full size each.
    seconds += units.stream().filter(u -> u.nTrain() == 0 && u.fold() == 0 && u.repeat() == 0)
        .mapToDouble(u -> cost.seconds(u) * 1.25 / (1 + e.innerFolds() * (e.innerFolds() - 1.0)
            / Math.max(1, e.innerFolds())) / grids.get(u.learner())).sum();
    return new Plan(units.size(), data.foldCount(), data.rows(), data.sources().stream().map(s -> s.rows()).toList(),
        grids, seconds);
  }

  private static UnitCost cost(ExperimentDefinition e, ExperimentData data) {
    return new UnitCost(data.rows(), data.sources().stream().mapToLong(s -> s.rows()).sum(), data.sources().size(),
        e.unionSourceRows(), e.innerFolds());
  }

  /** Everything a task needs, shipped once per executor. */
  private record Shared(ExperimentDefinition experiment, ExperimentData data, SourceModels sources)
      implements Serializable {}

  /**
   * How a run goes.
   *
   * @param partitions tasks to spread each wave's units over
   * @param unitsPerCommit units per wave: each wave's results are committed to the staging tables, so an interrupted
   *     run loses at most the wave under way
   * @param resume keep the units an interrupted run of this run id already staged, train only the rest
   */
  public record Options(int partitions, int unitsPerCommit, boolean resume) {
    public Options {
      if (partitions < 1 || unitsPerCommit < 1) {
        throw new IllegalArgumentException("partitions = " + partitions + ", units per commit = " + unitsPerCommit
            + ": expected 1 or more");
      }
    }
  }

  /** What a run did: units trained now, units kept from an interrupted run, and every unit's scores. */
  public record Outcome(int trained, int resumed, List<UnitScore> scores) {}

  /** Trains every unit, in one wave, and writes the results (as {@code train} without --resume). */
  public Outcome run(String runId, ExperimentDefinition e, ExperimentData data, SourceModels sources, int partitions,
      String settings) {
    return run(runId, e, data, sources, new Options(partitions, Integer.MAX_VALUE, false), settings);
  }

  /**
   * Trains the units in waves, each committed to {@code ops.staged_*} as it ends; then replaces the run's rows in
   * {@code results.*} with the staged ones (one commit per table), registers the final models, and publishes the
   * run in {@code ops.runs} last.
   *
   * @param sources stage-one models of the experiment's sources (trained here on the driver when first needed)
   */
  public Outcome run(String runId, ExperimentDefinition e, ExperimentData data, SourceModels sources, Options options,
      String settings) {
    Instant started = Instant.now();
    Map<String, Long> snapshots = inputSnapshots(e);
    List<WorkUnit> units = UnitPlan.expand(e, data.foldCount());
    Set<String> staged = staged(runId, options.resume());
    List<WorkUnit> todo = units.stream().filter(u -> !staged.contains(u.id())).toList();
    if (!staged.isEmpty()) {
      LOG.info("run {}: resuming, {} of {} units already staged", runId, units.size() - todo.size(), units.size());
    }
    prepareSources(e, data, sources);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(lake.spark().sparkContext());
    Broadcast<Shared> shared = jsc.broadcast(new Shared(e, data, sources));
    ScoreBoard board = new ScoreBoard();
    jsc.sc().register(board, "unit scores");
    LiveScores live = new LiveScores(board);
    jsc.sc().addSparkListener(live);
    try (Progress progress = new Progress(live, todo.size(),
        Metric.selection(data.label().isClassification()).label())) {
      UnitCost cost = cost(e, data);
      List<List<WorkUnit>> waves = UnitPlan.waves(todo, options.unitsPerCommit(), cost);
      LOG.info("run {}: training {} units in {} waves", runId, todo.size(), waves.size());
      for (List<WorkUnit> wave : waves) {
        trainWave(runId, wave, options.partitions(), cost, jsc, shared, board);
      }
      progress.finish();
      publishResults(runId);
      List<UnitScore> scores = scores(runId, units);
      registerFinalModels(runId, e, data, scores, jsc, shared);
      recordRun(runId, e, units.size(), started, snapshots, settings);
      clearStaged(runId);
      return new Outcome(todo.size(), units.size() - todo.size(), scores);
    } finally {
      jsc.sc().removeSparkListener(live);
      shared.destroy();
    }
  }

  /**
   * Unit ids already staged for this run: those of an interrupted run when resuming. Otherwise none: the staging
   * is cleared, and a published run of this id is withdrawn from {@code ops.runs} first, so that no reader sees its
   * old and new rows mixed while they are replaced.
   */
  private Set<String> staged(String runId, boolean resume) {
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

  private void clearStaged(String runId) {
    for (LakeTable table : List.of(LakeTable.STAGED_METRICS, LakeTable.STAGED_PREDICTIONS)) {
      lake.spark().sql("DELETE FROM " + lake.name(table) + " WHERE run_id = '" + runId.replace("'", "''") + "'");
    }
  }

  /**
   * Trains one wave's units in tasks (packed by expected cost) and appends their rows to the staging tables: the
   * rows go from the tasks to the table's files, never through the driver.
   */
  private void trainWave(String runId, List<WorkUnit> wave, int partitions, UnitCost cost, JavaSparkContext jsc,
      Broadcast<Shared> shared, ScoreBoard board) {
    List<List<WorkUnit>> bins = UnitPlan.pack(wave, partitions, tasksPerJvm(jsc.sc()), cost);
    JavaRDD<UnitResult> results = jsc.parallelize(bins, bins.size()).flatMap(bin -> {
      Shared s = shared.value();
      UnitRunner runner = new UnitRunner(s.experiment(), s.data(), s.sources());
      String metric = Metric.selection(s.data().label().isClassification()).column();
      List<UnitResult> out = new ArrayList<>();
      for (WorkUnit unit : bin) {
        UnitResult r = runner.run(unit);
        out.add(r);
        board.add(new ScoreBoard.Score(unit.architecture(), unit.learner() + " " + unit.paramsText() + " n"
            + unit.nTrain(), r.metrics().get(metric)));
      }
      return out.iterator();
    }).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      JavaRDD<Row> metrics = results.map(r -> {
        Shared s = shared.value();
        return ResultRows.metrics(runId, s.experiment(), s.data(), r);
      });
      JavaRDD<Row> predictions = results.flatMap(r -> {
        Shared s = shared.value();
        return ResultRows.predictions(runId, s.experiment(), s.data(), r).iterator();
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
  private static int tasksPerJvm(org.apache.spark.SparkContext sc) {
    return sc.isLocal() ? sc.defaultParallelism() : sc.getConf().getInt("spark.executor.cores", 1);
  }

  /** The run's staged rows replace its rows in results.metrics and results.predictions; then its selection. */
  private void publishResults(String runId) {
    var thisRun = col("run_id").equalTo(runId);
    lake.overwrite(LakeTable.METRICS, lake.read(LakeTable.STAGED_METRICS).where(thisRun), thisRun);
    lake.overwrite(LakeTable.PREDICTIONS, lake.read(LakeTable.STAGED_PREDICTIONS).where(thisRun), thisRun);
    lake.overwrite(LakeTable.SELECTED, selection(runId), thisRun);
  }

  /** Every unit's scores, read back from results.metrics (one small row per unit). */
  private List<UnitScore> scores(String runId, List<WorkUnit> units) {
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
   * Trains the source models every unit shares, on the driver, before the units start: the cross-fitted ones the
   * target's compositions need, and each source's model on all rows, which final models keep.
   */
  private static void prepareSources(ExperimentDefinition e, ExperimentData data, SourceModels sources) {
    boolean stageOne = e.architectures().stream().anyMatch(a -> Components.architecture(a).sourceUse()
        == ArchitectureComponent.SourceUse.SOURCE_MODELS);
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
      List<UnitScore> results, JavaSparkContext jsc, Broadcast<Shared> shared) {
    List<FinalChoice> choices = FinalChoices.choose(results, data.label().isClassification());
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

  /**
   * Prints units done / total, units per second, the time left, and the best mean score so far per architecture,
   * every 10 s while units run (running tasks report at their executors' heartbeats, see {@link LiveScores}).
   */
  private static final class Progress implements AutoCloseable {
    private final Thread thread;
    private final long start = System.nanoTime();

    Progress(LiveScores live, int total, String metric) {
      thread = new Thread(() -> {
        try {
          while (!Thread.currentThread().isInterrupted()) {
            Thread.sleep(10_000);
            ScoreBoard board = live.now();
            long n = Math.min(total, board.units()); // a task's last heartbeat and its end can overlap for a moment
            double rate = n / ((System.nanoTime() - start) / 1e9);
            StringBuilder best = new StringBuilder();
            board.bestPerArchitecture().forEach((a, v) -> best.append(String.format("  %s %.4f", a, v)));
            LOG.info("units {}/{}  {} units/s  ETA {}  best {} so far:{}", n, total, String.format("%.2f", rate),
                rate > 0 ? String.format("%.0fs", (total - n) / rate) : "?", metric, best);
          }
        } catch (InterruptedException ignored) {
          Thread.currentThread().interrupt();
        }
      }, "train-progress");
      thread.setDaemon(true);
      thread.start();
    }

    void finish() {
      thread.interrupt();
      LOG.info("all units done in {}s", String.format("%.1f", (System.nanoTime() - start) / 1e9));
    }

    @Override
    public void close() {
      thread.interrupt();
    }
  }
}
