package org.transferlake.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.transferlake.config.Settings;
import org.transferlake.featurize.FeaturizeJob;
import org.transferlake.featurize.FeaturizerPresets;
import org.transferlake.featurize.FeaturizeOutcome;
import org.transferlake.lake.RunIds;
import org.transferlake.pipeline.FeaturizeResult.FailedPreset;
import org.transferlake.train.experiment.ExperimentCatalog;

/**
 * The featurize stage: presets over every composition key of the lake; those of transferlake.featurize.presets, and
 * in a run the tables the presets of its experiments read, so that listing a preset in an experiment is enough.
 */
public final class FeaturizeStage {
  private final PipelineSession session;
  private final StageListener listener;

  public FeaturizeStage(PipelineSession session, StageListener listener) {
    this.session = session;
    this.listener = listener;
  }

  /** The presets of transferlake.featurize.presets. */
  public FeaturizeResult run() {
    return run(session.settings().featurizePresets());
  }

  /**
   * transferlake.featurize.presets, then each table the presets of {@code experiments} read and the setting does not
   * name (a combination's parts), each once.
   */
  public static List<String> presetsFor(Settings settings, List<String> experiments) {
    List<String> presets = new ArrayList<>(settings.featurizePresets());
    for (String experiment : experiments) {
      presets.addAll(ExperimentCatalog.load(settings.experimentDirs(), experiment).features());
    }
    return FeaturizerPresets.tablesOf(presets);
  }

  /**
   * Featurizes every preset (a combination: its parts) under the write lock; a failed preset leaves the others to
   * run.
   */
  public FeaturizeResult run(List<String> presets) {
    session.lockForWriting();
    String runId = RunIds.choose(session.settings().runId());
    listener.featurizeRunStarted(runId);
    FeaturizeJob featurize = FeaturizeJob.fromSettings(session.lake(), session.settings(),
        listener::featurizeProgress);
    List<FeaturizeOutcome> outcomes = new ArrayList<>();
    List<FailedPreset> failed = new ArrayList<>();
    for (String preset : FeaturizerPresets.tablesOf(presets)) { // a combination's parts: it has no table
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
