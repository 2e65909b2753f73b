package org.transferlake.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.transferlake.config.SettingsException;
import org.transferlake.featurize.FeatureTable;
import org.transferlake.featurize.FeaturizerPresets;
import org.transferlake.lake.Metric;
import org.transferlake.lake.RunIds;
import org.transferlake.pipeline.TrainPlan.SourceSize;
import org.transferlake.pipeline.TrainResult.MeanScore;
import org.transferlake.train.Experiments;
import org.transferlake.train.TrainJob;
import org.transferlake.train.TrainPlanner;
import org.transferlake.train.data.ChainCoverage;
import org.transferlake.train.data.ExperimentData;
import org.transferlake.train.data.FeatureSets;
import org.transferlake.train.experiment.ExperimentDefinition;
import org.transferlake.train.units.UnitScore;

/** The train stage: an experiment (transferlake.experiments.dir) planned, then trained into the lake's results. */
public final class TrainStage {
  private final PipelineSession session;
  private final StageListener listener;
  private final Experiments experiments;

  public TrainStage(PipelineSession session, StageListener listener) {
    this.session = session;
    this.listener = listener;
    this.experiments = new Experiments(session.lake(), session.settings());
  }

  /** Reads the experiment and its data and plans it, training nothing. */
  public TrainPlan plan(String experiment) {
    return prepare(experiment).plan;
  }

  /**
   * Plans, then trains the experiment under the write lock.
   *
   * @param runId the new run's id (a re-run replaces its rows), or null for transferlake.run.id or a fresh one
   */
  public TrainResult train(String experiment, String runId) {
    session.lockForWriting();
    featurizeMissing(experiment);
    Prepared prepared = prepare(experiment);
    return train(prepared, runId != null ? runId : RunIds.choose(session.settings().runId()), false);
  }

  /** Plans, then finishes the interrupted run {@code runId} under the write lock: keeps its units, trains the rest. */
  public TrainResult resume(String experiment, String runId) {
    session.lockForWriting();
    featurizeMissing(experiment);
    Prepared prepared = prepare(experiment);
    return train(prepared, RunIds.choose(runId), true); // checked like transferlake.run.id: it names files
  }

  /**
   * Featurizes the tables the experiment's presets read that the lake lacks, so that a preset listed in an experiment
   * needs no edit of transferlake.featurize.presets.
   *
   * @throws SettingsException naming the file, the key and what failed, when one cannot be featurized
   */
  private void featurizeMissing(String name) {
    ExperimentDefinition e = experiments.definition(name);
    List<String> missing = FeaturizerPresets.tablesOf(e.features()).stream()
        .filter(p -> !new FeatureTable(session.lake(), p).exists()).toList();
    if (missing.isEmpty()) {
      return; // loading the data checks the contexts
    }
    experiments.requireContexts(e); // a typo in a context is named before any featurizing
    listener.featurizeStarting(false);
    FeaturizeResult result = new FeaturizeStage(session, listener).run(missing);
    if (!result.ok()) {
      throw new SettingsException(e.definitionFile() + ": features = " + String.join(", ", e.features())
          + ": cannot featurize " + String.join("; ", result.failed().stream()
          .map(f -> f.preset() + " (" + f.message() + ")").toList()));
    }
  }

  private record Prepared(ExperimentDefinition definition, FeatureSets data, TrainPlan plan) {}

  private Prepared prepare(String name) {
    ExperimentDefinition e = experiments.definition(name);
    FeatureSets sets = experiments.data(e);
    ExperimentData data = sets.first();
    TrainPlanner.Plan plan = experiments.plan(e, sets);
    List<SourceSize> sources = new ArrayList<>();
    for (int i = 0; i < e.sources().size(); i++) {
      ExperimentDefinition.SourceSpec s = e.sources().get(i);
      String key = "sources[" + i + "]";
      Map<String, Long> covered = data.chains().stream().filter(c -> c.source().equals(key)).findFirst()
          .map(ChainCoverage::counts).orElse(Map.of());
      sources.add(new SourceSize(s.id(), plan.sourceRows().get(i), s.aggregate().name().toLowerCase(), covered));
    }
    TrainPlan planned = new TrainPlan(e.name(), String.valueOf(e.target()), plan.targetRows(), plan.folds(),
        List.copyOf(sources), plan.units(), plan.rungUnits(), e.architectures().size(), plan.gridSizes(), e.learningCurve().size(),
        e.repeats(), plan.estimate());
    listener.planned(planned);
    return new Prepared(e, sets, planned);
  }

  private TrainResult train(Prepared prepared, String runId, boolean resume) {
    TrainJob.Outcome outcome = experiments.train(prepared.definition, prepared.data, runId, resume);
    boolean classification = prepared.data.first().label().isClassification();
    String metric = Metric.headline(classification).column();
    String unit = classification ? null
        : session.settings().properties().get(prepared.definition.target().property()).unit();
    TrainResult result = new TrainResult(runId, outcome.trained(), outcome.resumed(), metric, unit,
        means(outcome.scores(), metric));
    listener.trained(result);
    return result;
  }

  /** The mean of {@code metric} per architecture and learner, ordered by architecture, then learner. */
  private static List<MeanScore> means(List<UnitScore> scores, String metric) {
    Map<List<String>, double[]> sums = new LinkedHashMap<>();
    for (UnitScore r : scores) {
      double[] sum = sums.computeIfAbsent(List.of(r.unit().architecture(), r.unit().learner()), k -> new double[2]);
      sum[0] += r.metrics().get(metric);
      sum[1]++;
    }
    return sums.entrySet().stream()
        .map(s -> new MeanScore(s.getKey().get(0), s.getKey().get(1), s.getValue()[0] / s.getValue()[1],
            (long) s.getValue()[1]))
        .sorted(Comparator.comparing(MeanScore::architecture).thenComparing(MeanScore::learner)).toList();
  }
}
