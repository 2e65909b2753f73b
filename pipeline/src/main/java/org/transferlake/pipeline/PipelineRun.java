package org.transferlake.pipeline;

import java.util.ArrayList;
import java.util.List;

/** The pipeline end to end: ingest, featurize, then train each experiment of transferlake.run.experiments. */
public final class PipelineRun {
  private final PipelineSession session;
  private final StageListener listener;

  public PipelineRun(PipelineSession session, StageListener listener) {
    this.session = session;
    this.listener = listener;
  }

  /** Runs every stage under the write lock; featurizes even after a failed ingest. */
  public RunResult run() {
    session.lockForWriting();
    listener.ingestStarting();
    IngestResult ingested = new IngestStage(session, listener).run();
    // a failed source keeps its previous rows, so the lake is consistent and its keys can be featurized
    listener.featurizeStarting(!ingested.ok());
    FeaturizeResult featurized = new FeaturizeStage(session, listener)
        .run(FeaturizeStage.presetsFor(session.settings(), session.settings().runExperiments()));
    TrainStage train = new TrainStage(session, listener);
    List<TrainResult> trained = new ArrayList<>();
    for (String experiment : session.settings().runExperiments()) {
      listener.trainStarting(experiment, null);
      trained.add(train.train(experiment, null));
    }
    return new RunResult(ingested, featurized, List.copyOf(trained));
  }
}
