package org.transferlake.train;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferlake.lake.Lake;
import org.transferlake.lake.Metric;
import org.transferlake.model.components.Components;
import org.transferlake.model.registry.ModelRegistry;
import org.transferlake.model.transfer.ArchitectureComponent;
import org.transferlake.model.transfer.SourceModels;
import org.transferlake.train.data.ExperimentData;
import org.transferlake.train.data.FeatureSets;
import org.transferlake.train.experiment.ExperimentDefinition;
import org.transferlake.train.units.SuccessiveHalving;
import org.transferlake.train.units.UnitCost;
import org.transferlake.train.units.UnitPlan;
import org.transferlake.train.units.UnitScore;
import org.transferlake.train.units.WorkUnit;

/**
 * Runs an experiment: expands it into work units, trains every unit inside a Spark task (units packed by
 * expected cost), and writes metrics, out-of-fold predictions and the inner-validated selection, each table
 * replaced for this run id in one commit, and the run's row in {@code ops.runs} last. The steps are
 * {@link Waves} (training), {@link FinalModels} and {@link RunPublisher} (publishing); {@link TrainPlanner} plans.
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

  /** {@link #run(String, ExperimentDefinition, FeatureSets, Map, Options, String)} for an experiment of one preset. */
  public Outcome run(String runId, ExperimentDefinition e, ExperimentData data, SourceModels sources, Options options,
      String settings) {
    String preset = e.features().get(0);
    return run(runId, e, FeatureSets.of(preset, data), Map.of(preset, sources), options, settings);
  }

  /**
   * Scores the rungs of successive halving where a learner asks for it (each rung committed to
   * {@code ops.staged_rungs} before the next is planned), trains the units and the survivors in waves, each
   * committed to {@code ops.staged_*} as it ends; then replaces the run's rows in
   * {@code results.*} with the staged ones (one commit per table), registers the final models, and publishes the
   * run in {@code ops.runs} last.
   *
   * @param data the experiment's data, per preset it lists
   * @param sources per preset, stage-one models of the experiment's sources on that preset's features (fitted here,
   *     side by side, before the units start)
   */
  public Outcome run(String runId, ExperimentDefinition e, FeatureSets data, Map<String, SourceModels> sources,
      Options options, String settings) {
    Instant started = Instant.now();
    Waves waves = new Waves(lake);
    RunPublisher publisher = new RunPublisher(lake);
    Map<String, Long> snapshots = publisher.inputSnapshots(e);
    Set<String> staged = waves.staged(runId, options.resume());
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(lake.spark().sparkContext());
    prepareSources(jsc, e, data, sources);
    Broadcast<Shared> shared = jsc.broadcast(new Shared(e, data, sources));
    try {
      UnitCost cost = TrainPlanner.cost(e, data.first());
      // Successive halving's rungs first: their survivors are units like any other.
      List<WorkUnit> units = SuccessiveHalving.run(e, UnitPlan.expand(e, data.first().foldCount()),
          new Rungs(lake, runId, options.partitions(), options.unitsPerCommit(), cost, jsc, shared)).units();
      List<WorkUnit> todo = units.stream().filter(u -> !staged.contains(u.id())).toList();
      if (!staged.isEmpty()) {
        LOG.info("run {}: resuming, {} of {} units already staged", runId, units.size() - todo.size(),
            units.size());
      }
      try (Progress progress = new Progress(jsc.sc(), "unit scores", todo.size(),
          Metric.selection(data.first().label().isClassification()).label())) {
        List<List<WorkUnit>> wavesOfUnits = UnitPlan.waves(todo, options.unitsPerCommit(), cost);
        LOG.info("run {}: training {} units in {} waves", runId, todo.size(), wavesOfUnits.size());
        for (List<WorkUnit> wave : wavesOfUnits) {
          waves.trainWave(runId, wave, options.partitions(), cost, jsc, shared, progress.board());
        }
        progress.finish();
        publisher.publishResults(runId);
        List<UnitScore> scores = publisher.scores(runId, units);
        new FinalModels(lake, registry).register(runId, e, data, scores, jsc, shared);
        publisher.recordRun(runId, e, units.size(), started, snapshots, settings, data.first().chains());
        waves.clearStaged(runId);
        return new Outcome(todo.size(), units.size() - todo.size(), scores);
      }
    } finally {
      shared.destroy();
    }
  }

  /**
   * Fits the source models every unit shares, of every preset at once, side by side in Spark tasks before the units
   * start ({@link SourceFits}): the cross-fitted ones the target's compositions need, and each source's model on all
   * rows, which final models keep.
   */
  static void prepareSources(JavaSparkContext jsc, ExperimentDefinition e, FeatureSets data,
      Map<String, SourceModels> sources) {
    boolean stageOne = e.architectures().stream().anyMatch(a -> Components.architecture(a).sourceUse()
        == ArchitectureComponent.SourceUse.SOURCE_MODELS);
    if (stageOne) {
      Map<String, String[]> keys = new java.util.LinkedHashMap<>();
      data.presets().forEach(p -> keys.put(p, data.get(p).keys()));
      SourceFits.fit(jsc, sources, keys, e.useMeasured());
    }
  }
}
