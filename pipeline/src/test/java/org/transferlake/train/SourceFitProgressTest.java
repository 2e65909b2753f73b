package org.transferlake.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The source-model phase's time left: from the built-in costs until a model is done, then from the pace. */
class SourceFitProgressTest {
  @Test
  void beforeAnyModelIsDoneTheTimeLeftComesFromTheBuiltInCostsOverTheCores() {
    try (SourceFitProgress progress = new SourceFitProgress(List.of("a", "b"), new double[] {100, 50}, 2)) {
      String left = progress.left();
      assertTrue(left.matches("~7[45] s left by the built-in fit costs \\(no model done yet\\)"), left);
      progress.driverStarts();
      progress.driverFitted(0, 10.0); // 10 cost-seconds per second: b, not started, needs 5 s more
      assertTrue(progress.left().matches("~5 s left"), progress.left());
    }
  }

  @Test
  void aPhaseLongerThanTheBuiltInCostsSaysByHowMuch() {
    try (SourceFitProgress progress = new SourceFitProgress(List.of("a"), new double[] {0}, 1)) {
      assertTrue(progress.left().startsWith("past the built-in fit costs' 0 s by "), progress.left());
    }
  }
}
