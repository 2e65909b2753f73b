package org.transferlake.model.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class SigmaCalibrationTest {

  @Test
  void theFloorIsTheRmsErrorOfTheLowestSpreadRowsAndTheRatioCoversTwoThirdsOfAllRows() {
    // 20 rows, sorted by spread. The 4 at spread 0 have errors 0, 0, 0, 0.4: 68% of them are within 0, so their
    // root mean square, sqrt(0.16 / 4) = 0.2, is the floor. Rows within it: those 3 exact ones and row 4.
    double[] spreads = {0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    double[] errors = {0, 0, 0, 0.4, 0.1, -0.3, 0.5, 0.6, -0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7,
        1.8};
    SigmaCalibration c = SigmaCalibration.fit(errors, spreads);
    assertEquals(0.2, c.floor(), 1e-12);
    // 68% of 20 is 13.6, so 14 rows must be covered: 4 by the floor, 10 more by the ratio. The others need ratios
    // |error| / spread: 0.3, 0.5, 0.6, ..., 1.8 and infinity for the 0.4 at spread 0; the 10th smallest is 1.3.
    assertEquals(1.3, c.ratio(), 1e-12);
    assertEquals(0.2, c.sigma(0), 0.0, "never below the floor");
    assertEquals(2.6, c.sigma(2), 1e-12);
    int within = 0;
    for (int i = 0; i < errors.length; i++) {
      within += Math.abs(errors[i]) <= c.sigma(spreads[i]) ? 1 : 0;
    }
    assertEquals(14, within);
  }

  @Test
  void countingExactRowsAsCoveredNarrowsTheRatio() {
    // Half the rows exact at zero spread, as metals are: the other half need only cover 36% of all rows.
    int n = 1000;
    double[] spreads = new double[n];
    double[] errors = new double[n];
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (int i = n / 2; i < n; i++) {
      spreads[i] = 0.5;
      errors[i] = 0.5 * gaussian(random);
    }
    errors[0] = 1.0; // one metal that is not one
    SigmaCalibration c = SigmaCalibration.fit(errors, spreads);
    assertTrue(c.floor() > 0, "a floor from the one wrong exact-looking row: " + c.floor());
    assertEquals(Math.sqrt(1.0 / (n / 2)), c.floor(), 1e-12, "the RMS over the 500 rows at spread 0");
    int covered = 0;
    for (int i = 0; i < n; i++) {
      covered += Math.abs(errors[i]) <= c.sigma(spreads[i]) ? 1 : 0;
    }
    assertEquals(680, covered);
    assertTrue(c.ratio() < 1.0, "well under the 1 of a Gaussian's 68%: " + c.ratio());
  }

  @Test
  void zeroErrorsAtTheLowestSpreadGrowTheFloorGroupUntilOneIsAbove0() {
    double[] spreads = {0, 0.1, 0.2, 0.3};
    double[] errors = {0, 0, 0.3, 0.4};
    // Group: row 0 at spread 0, grown by rows 1 and 2: 68% of 0, 0, 0.3 (3 rows of 3) are within 0.3.
    assertEquals(0.3, SigmaCalibration.fit(errors, spreads).floor(), 1e-12);
  }

  @Test
  void withoutRowsAtSpread0TheFloorIsTheSmallestSigmaAHeldOutRowGot() {
    double[] spreads = {0.5, 1, 2, 4};
    double[] errors = {0.1, 0.2, 3, 4};
    // 3 of 4 rows must be covered: ratios needed 0.2, 0.2, 1.5, 1; the third smallest is 1.
    SigmaCalibration c = SigmaCalibration.fit(errors, spreads);
    assertEquals(1.0, c.ratio(), 1e-12);
    assertEquals(0.5, c.floor(), 1e-12, "ratio x the smallest spread");
  }

  @Test
  void theHalfWidthHoldsTwoThirdsOfTheErrorsOrIsTheirRmsWhenMostAre0() {
    assertEquals(3, SigmaCalibration.halfWidth(new double[] {5, 1, 3, 2}), 0.0, "ceil(0.68 x 4) = 3rd smallest");
    assertEquals(Math.sqrt(4.0 / 4), SigmaCalibration.halfWidth(new double[] {0, 0, 0, 2}), 1e-12);
    assertEquals(0, SigmaCalibration.halfWidth(new double[0]), 0.0);
  }

  @Test
  void rowsWithoutAFiniteErrorAreLeftOutAndNoRowsLeaveTheSpreadAsItIs() {
    assertEquals(SigmaCalibration.NONE, SigmaCalibration.fit(new double[] {Double.NaN}, new double[] {1}));
    SigmaCalibration c = SigmaCalibration.fit(new double[] {Double.NaN, 0.5}, new double[] {1, 1});
    assertEquals(0.5, c.floor(), 1e-12);
  }

  @Test
  void survivesWritingAndReading() throws IOException {
    SigmaCalibration c = new SigmaCalibration(0.83, 0.071);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    c.writeTo(new DataOutputStream(bytes));
    assertEquals(c, SigmaCalibration.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
  }

  private static double gaussian(java.util.SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
