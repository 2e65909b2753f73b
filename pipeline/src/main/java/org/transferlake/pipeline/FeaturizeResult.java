package org.transferlake.pipeline;

import java.util.List;
import org.transferlake.featurize.FeaturizeOutcome;

/** A featurize run: the outcome of each preset that ran, and the presets that failed. */
public record FeaturizeResult(String runId, List<FeaturizeOutcome> outcomes, List<FailedPreset> failed) {
  /** A preset that could not run (its element table missing), and why. */
  public record FailedPreset(String preset, String message) {}

  /** False when a preset failed. */
  public boolean ok() {
    return failed.isEmpty();
  }
}
