package org.transferlake.featurize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FeaturizeProgressTest {
  @Test
  void aLineSaysRowsDoneRateAndTimeLeft() {
    assertEquals("featurize magpie: 250,000 / 1,000,000 rows (25.0%), 100,000 rows/s, ETA 8 s",
        FeaturizeProgress.line("magpie", 250_000, 1_000_000, 2.5));
    assertEquals("featurize fractions: 0 / 10 rows (0.0%), starting", FeaturizeProgress.line("fractions", 0, 10, 1));
    assertEquals("featurize magpie: 10 / 10 rows (100.0%), 5 rows/s, ETA 0 s", FeaturizeProgress.line("magpie", 10, 10, 2));
  }
}
