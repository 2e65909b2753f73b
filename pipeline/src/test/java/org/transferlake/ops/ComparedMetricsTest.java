package org.transferlake.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.transferlake.config.Settings;
import org.transferlake.config.SettingsLoader;
import org.transferlake.lake.Metric;

/**
 * The nightly thresholds and alerts of reference.conf name declared metrics (config refuses keys reference.conf
 * lacks, so these are all a run can compare).
 */
class ComparedMetricsTest {
  @Test
  void everyThresholdAndAlertOfReferenceConfIsADeclaredMetric() {
    Settings settings = new SettingsLoader().withoutSystemProperties().load();
    RunComparisons.checkThresholds(settings);
    settings.nightlyThresholds().keySet().forEach(m -> assertTrue(Metric.known(m), m));
    settings.nightlyAlertOn().forEach(m -> assertTrue(Metric.known(m), m));
  }
}
