package org.transferlake.pipeline;

import java.util.List;
import org.transferlake.pipeline.FeaturizeResult.FailedPreset;

/**
 * Hears the stages of a run as they go: a sequence's stage starting, then the stage's typed outcome as soon as it
 * is known, before the next stage starts. Every method does nothing unless overridden.
 */
public interface StageListener {
  /** Hears nothing. */
  StageListener NONE = new StageListener() {};

  /** A sequence starts its ingest stage. */
  default void ingestStarting() {}

  default void ingested(IngestResult result) {}

  /** A sequence starts its featurize stage, possibly after an ingest in which a source failed. */
  default void featurizeStarting(boolean ingestFailed) {}

  /** The featurize stage chose its run id; its progress and its presets follow. */
  default void featurizeRunStarted(String runId) {}

  /** A line of the featurize stage's progress. */
  default void featurizeProgress(String line) {}

  default void presetFailed(FailedPreset failure) {}

  default void featurized(FeaturizeResult result) {}

  /**
   * A sequence starts training an experiment.
   *
   * @param runId the run's id when the sequence names it, null when the settings choose it
   */
  default void trainStarting(String experiment, String runId) {}

  /** The experiment is planned; training follows unless only the plan was asked for. */
  default void planned(TrainPlan plan) {}

  default void trained(TrainResult result) {}

  /** The nightly sequence found no earlier published run of the experiment to compare its new run with. */
  default void noEarlierRun(String experiment) {}

  /** The nightly sequence compared every experiment's new run with its previous one. */
  default void compared(Comparisons comparisons) {}

  /** Retention deleted these runs of the experiment (none: an empty list). */
  default void retained(String experiment, List<String> deletedRuns) {}

  default void maintained(MaintenanceSummary summary) {}
}
