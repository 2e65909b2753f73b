package org.transferlake.pipeline;

import org.transferlake.config.Settings;
import org.transferlake.config.SettingsException;
import org.transferlake.featurize.FeaturizerPresets;
import org.transferlake.lake.CatalogSettings;
import org.transferlake.ops.RunComparisons;
import org.transferlake.train.experiment.DistributedSourceLearner;

/**
 * The checks of the settings that belong to a stage, run before any work: {@code config} checks each value on
 * its own; the stage that owns a name (a preset, a catalog type, a learner, a compared metric) checks that it knows it.
 */
public final class SettingsChecks {
  private SettingsChecks() {}

  /** @throws SettingsException naming the key, the value and what was expected */
  public static Settings verify(Settings settings) {
    FeaturizerPresets.check(settings);
    DistributedSourceLearner.of(settings);
    CatalogSettings.from(settings);
    RunComparisons.checkThresholds(settings);
    return settings;
  }
}
