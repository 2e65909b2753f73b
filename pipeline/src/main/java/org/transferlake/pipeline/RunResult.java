package org.transferlake.pipeline;

import java.util.List;

/** The pipeline end to end: ingest, featurize, and a training run per experiment. */
public record RunResult(IngestResult ingest, FeaturizeResult featurize, List<TrainResult> trained) {
  /** False when a source or a preset failed. */
  public boolean ok() {
    return ingest.ok() && featurize.ok();
  }
}
