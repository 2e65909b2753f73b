package org.transferlake.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.transferlake.featurize.FeaturizeJob;
import org.transferlake.featurize.FeaturizeOutcome;
import org.transferlake.lake.RunIds;
import org.transferlake.pipeline.FeaturizeResult.FailedPreset;

/** The featurize stage: the presets of transferlake.featurize.presets over every composition key of the lake. */
public final class FeaturizeStage {
  private final PipelineSession session;
  private final StageListener listener;

  public FeaturizeStage(PipelineSession session, StageListener listener) {
    this.session = session;
    this.listener = listener;
  }

  /** Featurizes every preset under the write lock; a failed preset leaves the others to run. */
  public FeaturizeResult run() {
    session.lockForWriting();
    String runId = RunIds.choose(session.settings().runId());
    listener.featurizeRunStarted(runId);
    FeaturizeJob featurize = FeaturizeJob.fromSettings(session.lake(), session.settings(),
        listener::featurizeProgress);
    List<FeaturizeOutcome> outcomes = new ArrayList<>();
    List<FailedPreset> failed = new ArrayList<>();
    for (String preset : session.settings().featurizePresets()) {
      try {
        outcomes.add(featurize.run(runId, preset));
      } catch (IllegalStateException e) { // a missing element table: the other presets can still run
        FailedPreset failure = new FailedPreset(preset, e.getMessage());
        listener.presetFailed(failure);
        failed.add(failure);
      }
    }
    FeaturizeResult result = new FeaturizeResult(runId, List.copyOf(outcomes), List.copyOf(failed));
    listener.featurized(result);
    return result;
  }
}
