package org.transferlake.train;

import java.io.File;
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

  public ExperimentData data(ExperimentDefinition e) {
    return new ExperimentDataLoader(lake, settings.properties(), new File(settings.referenceDir()),
        Lineage.fromLake(lake, settings.excludeFlaggedSources(),
            settings.experimentalFidelities())).load(e);
  }

  /** The registry of final models, artifacts beside the lake's tables. */
  public ModelRegistry registry() {
    return new ModelRegistry(lake, LakeLocation.of(settings.lakeRoot()).artifacts());
  }

  public TrainPlanner.Plan plan(ExperimentDefinition e, ExperimentData data) {
    return TrainPlanner.plan(e, data);
  }

  /**
   * Trains the experiment, or for a campaign experiment simulates its campaigns ({@link CampaignJob}).
   *
   * @param resume keep what an interrupted run of {@code runId} committed, train only the rest
   */
  public TrainJob.Outcome train(ExperimentDefinition e, ExperimentData data, String runId, boolean resume) {
    SourceLearners learners = new SourceLearners(Components.learner(e.sourceLearner()).create(e.sourceParams(), 0),
        DistributedSourceLearner.of(settings), settings.sourceSwitchRows());
    SourceModels sources = SourceModels.of(data.sources(), learners, e.useMeasured() ? 0 : e.crossFitFolds(),
        e.seed());
    data.sources().forEach(s -> LOG.info("source {}: {} rows, learner {}", s.context(), s.rows(),
        learners.forRows(s.rows()).name()));
    int partitions = settings.trainPartitions() > 0 ? settings.trainPartitions()
        : 4 * lake.spark().sparkContext().defaultParallelism();
    TrainJob.Options options = new TrainJob.Options(partitions, settings.unitsPerCommit(), resume);
    if (e.campaign() != null) {
      return new CampaignJob(lake).run(runId, e, data, sources, options, settings.renderProjectSettings());
    }
    return new TrainJob(lake, registry()).run(runId, e, data, sources, options, settings.renderProjectSettings());
  }
}
