package org.transferlake.model.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Φ and φ against tabulated values (Abramowitz and Stegun; the tails to 30 digits with mpmath). */
class GaussianTest {
  @Test
  void theDistributionFunctionMatchesTablesInEachOfItsThreeRanges() {
    assertEquals(0.5, Gaussian.cdf(0), 0);
    assertEquals(0.6179114221889526, Gaussian.cdf(0.3), 1e-15); // |x| ≤ 0.66291
    assertEquals(0.8413447460685429, Gaussian.cdf(1), 1e-15); // up to √32
    assertEquals(0.15865525393145707, Gaussian.cdf(-1), 1e-15);
    assertEquals(0.9750021048517795, Gaussian.cdf(1.96), 1e-15);
    assertEquals(0.9999999999987202, Gaussian.cdf(7), 1e-15); // beyond √32
  }

  @Test
  void theLowerTailKeepsItsRelativePrecision() {
    assertEquals(2.866515718791939e-7, Gaussian.cdf(-5), 2.866515718791939e-7 * 1e-13);
    assertEquals(7.619853024160526e-24, Gaussian.cdf(-10), 7.619853024160526e-24 * 1e-13);
    assertEquals(2.753624118606234e-89, Gaussian.cdf(-20), 2.753624118606234e-89 * 1e-13);
    assertEquals(0, Gaussian.cdf(Double.NEGATIVE_INFINITY), 0);
    assertEquals(1, Gaussian.cdf(Double.POSITIVE_INFINITY), 0);
    assertTrue(Double.isNaN(Gaussian.cdf(Double.NaN)));
  }

  @Test
  void theDensityIsOneOverRootTwoPiTimesExpMinusHalfXSquared() {
    assertEquals(0.3989422804014327, Gaussian.pdf(0), 1e-16);
    assertEquals(0.24197072451914337, Gaussian.pdf(1), 1e-16);
    assertEquals(0.24197072451914337, Gaussian.pdf(-1), 1e-16);
    assertEquals(0, Gaussian.pdf(Double.POSITIVE_INFINITY), 0);
  }

  @Test
  void theQuantileInvertsTheDistributionFunction() {
    for (double p : new double[] {1e-10, 0.01, 0.3, 0.5, 0.975, 0.999}) {
      assertEquals(p, Gaussian.cdf(Gaussian.quantile(p)), p * 1e-6); // Acklam: x to 1.2e-9 relative
    }
  }
}
