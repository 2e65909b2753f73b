package org.transferlake.train;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import org.transferlake.config.Settings;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeLocation;
import org.transferlake.lineage.Lineage;
import org.transferlake.model.registry.ModelRegistry;
import org.transferlake.model.components.Components;
import org.transferlake.model.transfer.SourceLearners;
import org.transferlake.model.transfer.SourceModels;
import org.transferlake.train.data.ExperimentData;
import org.transferlake.train.data.ExperimentDataLoader;
import org.transferlake.train.data.FeatureSets;
import org.transferlake.train.experiment.ExperimentCatalog;
import org.transferlake.train.experiment.ExperimentDefinition;
import org.transferlake.train.experiment.DistributedSourceLearner;

/** The train stage from settings: finds the experiment, reads its data from the lake, runs or plans it. */
public final class Experiments {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Experiments.class);

  private final Lake lake;
  private final Settings settings;

  public Experiments(Lake lake, Settings settings) {
    this.lake = lake;
    this.settings = settings;
  }

  public ExperimentDefinition definition(String name) {
    return ExperimentCatalog.load(settings.experimentDirs(), name, settings.properties());
  }

  /** The experiment's data, once per preset it lists. */
  public FeatureSets data(ExperimentDefinition e) {
    return loader().loadAll(e);
  }

  /**
   * Stops an experiment whose sources leak its target or whose contexts the lake lacks, before any work on its
   * features.
   */
  public void requireContexts(ExperimentDefinition e) {
    loader().requireContexts(e);
  }

  private ExperimentDataLoader loader() {
    return new ExperimentDataLoader(lake, settings.properties(), new File(settings.referenceDir()),
        Lineage.fromLake(lake, settings.excludeFlaggedSources(), settings.experimentalFidelities()));
  }

  /** The registry of final models, artifacts beside the lake's tables. */
  public ModelRegistry registry() {
    return new ModelRegistry(lake, LakeLocation.of(settings.lakeRoot()).artifacts());
  }

  /** The experiment's units and the expected time of its run, with the fit costs this lake's recent runs measured. */
  public TrainPlanner.Plan plan(ExperimentDefinition e, FeatureSets data) {
    return TrainPlanner.plan(e, data.first(), new TrainPlanner.Setup(lake.spark().sparkContext().defaultParallelism(),
        settings.unitsPerCommit(), sourceLearners(e), FitHistory.costs(lake)));
  }

  private SourceLearners sourceLearners(ExperimentDefinition e) {
    return new SourceLearners(Components.learner(e.sourceLearner()).create(e.sourceParams(), 0),
        DistributedSourceLearner.of(settings), settings.sourceSwitchRows());
  }

  /**
   * Trains the experiment, or for a campaign experiment simulates its campaigns ({@link CampaignJob}).
   *
   * @param resume keep what an interrupted run of {@code runId} committed, train only the rest
   */
  public TrainJob.Outcome train(ExperimentDefinition e, FeatureSets data, String runId, boolean resume) {
    SourceLearners learners = sourceLearners(e);
    Map<String, SourceModels> sources = new LinkedHashMap<>();
    for (String preset : data.presets()) {
      ExperimentData d = data.get(preset);
      sources.put(preset, SourceModels.of(d.sources(), learners, e.useMeasured() ? 0 : e.crossFitFolds(), e.seed()));
      d.sources().forEach(s -> LOG.info("source {} ({}): {} rows, learner {}", s.context(), preset, s.rows(),
          learners.forRows(s.rows()).name()));
    }
    int partitions = settings.trainPartitions() > 0 ? settings.trainPartitions()
        : 4 * lake.spark().sparkContext().defaultParallelism();
    TrainJob.Options options = new TrainJob.Options(partitions, settings.unitsPerCommit(), resume);
    if (e.campaign() != null) {
      String preset = data.presets().get(0); // a campaign reads one preset (ExperimentCatalog refuses more)
      return new CampaignJob(lake).run(runId, e, data.get(preset), sources.get(preset), options,
          settings.renderProjectSettings());
    }
    return new TrainJob(lake, registry()).run(runId, e, data, sources, options, settings.renderProjectSettings());
  }
}
