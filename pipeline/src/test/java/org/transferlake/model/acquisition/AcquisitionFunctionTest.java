package org.transferlake.model.acquisition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Every function against values worked by hand from tabulated Φ and φ: Φ(0.5) = 0.6914624612740131,
 * Φ(1) = 0.8413447460685429, Φ(−1) = 0.15865525393145707, Φ(0.1) = 0.539827837277029, Φ(−0.5) = 0.3085375387259869;
 * φ(0) = 0.3989422804014327, φ(0.5) = 0.3520653267642995.
 */
class AcquisitionFunctionTest {
  private static final double PHI_HALF = 0.6914624612740131;
  private static final double PHI_ONE = 0.8413447460685429;
  private static final double PHI_MINUS_ONE = 0.15865525393145707;
  private static final double PHI_MINUS_HALF = 0.3085375387259869;
  private static final double DENSITY_ZERO = 0.3989422804014327;
  private static final double DENSITY_HALF = 0.3520653267642995;
  private static final Goal SOLAR = Goal.window(1.1, 1.7);

  private static double value(Acquisition a, Goal goal, double best, double mean, double std) {
    return AcquisitionFunction.of(a, goal, best).value(mean, std);
  }

  @Test
  void probabilityInTheWindowIsTheMassBetweenItsEnds() {
    // 1.4 ± 0.3: the window is μ ± σ, Φ(1) − Φ(−1)
    assertEquals(PHI_ONE - PHI_MINUS_ONE, value(Acquisition.PROBABILITY_IN_WINDOW, SOLAR, Double.NaN, 1.4, 0.3),
        1e-12);
    // 1.6 ± 0.2: z from −2.5 to 0.5 = Φ(0.5) − Φ(−2.5), Φ(−2.5) = 0.006209665325776132
    assertEquals(PHI_HALF - 0.006209665325776132,
        value(Acquisition.PROBABILITY_IN_WINDOW, SOLAR, Double.NaN, 1.6, 0.2), 1e-12);
    // far above the window: the upper tails, Φ(−89) − Φ(−95), both below 1e-300 but not negative
    double far = value(Acquisition.PROBABILITY_IN_WINDOW, SOLAR, Double.NaN, 10.0, 0.1);
    assertTrue(far >= 0 && far < 1e-300, "far: " + far);
  }

  @Test
  void expectedImprovementOverTheBestMeasured() {
    // max, best 1.0, 1.5 ± 1: d = 0.5, z = 0.5: 0.5·Φ(0.5) + φ(0.5)
    assertEquals(0.5 * PHI_HALF + DENSITY_HALF, value(Acquisition.EXPECTED_IMPROVEMENT, Goal.max(), 1.0, 1.5, 1.0),
        1e-12);
    // min, best 1.0, 1.5 ± 1: d = −0.5: −0.5·Φ(−0.5) + φ(0.5)
    assertEquals(-0.5 * PHI_MINUS_HALF + DENSITY_HALF,
        value(Acquisition.EXPECTED_IMPROVEMENT, Goal.min(), 1.0, 1.5, 1.0), 1e-12);
    // a mean at the best: σ·φ(0)
    assertEquals(2 * DENSITY_ZERO, value(Acquisition.EXPECTED_IMPROVEMENT, Goal.max(), 3.0, 3.0, 2.0), 1e-12);
  }

  @Test
  void probabilityOfImprovementOverTheBestMeasured() {
    // 1.5 ± 0.5 against 1.0: z = 1
    assertEquals(PHI_ONE, value(Acquisition.PROBABILITY_OF_IMPROVEMENT, Goal.max(), 1.0, 1.5, 0.5), 1e-15);
    assertEquals(PHI_MINUS_ONE, value(Acquisition.PROBABILITY_OF_IMPROVEMENT, Goal.min(), 1.0, 1.5, 0.5), 1e-15);
  }

  @Test
  void confidenceBoundsWithKappa() {
    assertEquals(2.0, AcquisitionFunction.of(Acquisition.UPPER_CONFIDENCE_BOUND, Goal.max(), Double.NaN, 2)
        .value(1.0, 0.5), 1e-15);
    assertEquals(1.0 + 1.96 * 0.5, value(Acquisition.UPPER_CONFIDENCE_BOUND, Goal.max(), Double.NaN, 1.0, 0.5),
        1e-15, "κ = 1.96 by default");
    // min: the lower bound 3 − 2·1 = 1, negated
    assertEquals(-1.0, AcquisitionFunction.of(Acquisition.LOWER_CONFIDENCE_BOUND, Goal.min(), Double.NaN, 2)
        .value(3.0, 1.0), 1e-15);
  }

  @Test
  void maximumUncertaintyIsSigmaForEveryGoal() {
    for (Goal goal : new Goal[] {SOLAR, Goal.max(), Goal.min()}) {
      assertEquals(0.7, value(Acquisition.MAX_UNCERTAINTY, goal, Double.NaN, 5.0, 0.7), 0);
    }
  }

  @Test
  void theMeanBaselineIgnoresSigma() {
    assertEquals(2.5, value(Acquisition.MEAN, Goal.max(), Double.NaN, 2.5, 9), 0);
    assertEquals(-2.5, value(Acquisition.MEAN, Goal.min(), Double.NaN, 2.5, 9), 0);
    assertEquals(-0.3, value(Acquisition.MEAN, SOLAR, Double.NaN, 2.0, 9), 1e-12);
    assertEquals(-0.6, value(Acquisition.MEAN, SOLAR, Double.NaN, 0.5, 9), 1e-12);
    assertEquals(0.0, value(Acquisition.MEAN, SOLAR, Double.NaN, 1.3, 9), 0);
  }

  @Test
  void sigmaZeroIsAPointMassNeverZeroOverZero() {
    assertEquals(1.0, value(Acquisition.PROBABILITY_IN_WINDOW, SOLAR, Double.NaN, 1.7, 0), 0, "ends included");
    assertEquals(0.0, value(Acquisition.PROBABILITY_IN_WINDOW, SOLAR, Double.NaN, 1.8, 0), 0);
    assertEquals(1.0, value(Acquisition.EXPECTED_IMPROVEMENT, Goal.max(), 1.0, 2.0, 0), 0);
    assertEquals(0.0, value(Acquisition.EXPECTED_IMPROVEMENT, Goal.min(), 1.0, 2.0, 0), 0);
    assertEquals(0.0, value(Acquisition.EXPECTED_IMPROVEMENT, Goal.max(), 1.0, 1.0, 0), 0);
    assertEquals(1.0, value(Acquisition.PROBABILITY_OF_IMPROVEMENT, Goal.max(), 1.0, 2.0, 0), 0);
    assertEquals(0.0, value(Acquisition.PROBABILITY_OF_IMPROVEMENT, Goal.max(), 1.0, 1.0, 0), 0, "no strict gain");
    assertEquals(1.0, value(Acquisition.PROBABILITY_OF_IMPROVEMENT, Goal.min(), 1.0, 0.5, 0), 0);
    assertEquals(0.0, value(Acquisition.MAX_UNCERTAINTY, Goal.max(), Double.NaN, 1.0, 0), 0);
  }

  @Test
  void anUnscoredCandidateHasNoValueAndANegativeSigmaIsRefused() {
    AcquisitionFunction ei = AcquisitionFunction.of(Acquisition.EXPECTED_IMPROVEMENT, Goal.max(), 1.0);
    assertTrue(Double.isNaN(ei.value(Double.NaN, 1)));
    assertTrue(Double.isNaN(ei.value(1, Double.NaN)));
    assertThrows(IllegalArgumentException.class, () -> ei.value(1, -0.1));
    double[] both = ei.values(new double[] {1.5, Double.NaN}, new double[] {1, 1});
    assertEquals(0.5 * PHI_HALF + DENSITY_HALF, both[0], 1e-12);
    assertTrue(Double.isNaN(both[1]));
  }

  @Test
  void improvementNeedsABestAndKappaMustBeAtLeastZero() {
    IllegalArgumentException noBest = assertThrows(IllegalArgumentException.class,
        () -> AcquisitionFunction.of(Acquisition.EXPECTED_IMPROVEMENT, Goal.max(), Double.NaN));
    assertTrue(noBest.getMessage().contains("best"), noBest.getMessage());
    IllegalArgumentException kappa = assertThrows(IllegalArgumentException.class,
        () -> AcquisitionFunction.of(Acquisition.UPPER_CONFIDENCE_BOUND, Goal.max(), Double.NaN, -1));
    assertTrue(kappa.getMessage().contains("kappa -1.0"), kappa.getMessage());
  }

  @Test
  void theIncumbentIsTheBestMeasuredElseTheBestPredictedMean() {
    assertEquals(3.0, Goal.max().incumbent(new double[] {1, 3, 2}, new double[] {9}), 0);
    assertEquals(1.0, Goal.min().incumbent(new double[] {1, 3, 2}, new double[] {-9}), 0);
    assertEquals(9.0, Goal.max().incumbent(new double[0], new double[] {9, Double.NaN, 4}), 0);
    assertTrue(Double.isNaN(SOLAR.incumbent(new double[] {1}, new double[] {1})), "a window has no best");
  }
}
