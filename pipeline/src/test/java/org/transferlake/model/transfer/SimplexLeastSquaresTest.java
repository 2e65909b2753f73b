package org.transferlake.model.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.transferlake.testing.Synthetic;

/** Stacking weights against values worked out by hand, and against a search of the whole simplex. */
class SimplexLeastSquaresTest {

  @Test
  void twoMembersEitherSideOfTheTargetShareEqually() {
    // (1 - w) * 0 + w * 2 = 1 on every row: w = 1/2
    double[] w = SimplexLeastSquares.weights(new double[][] {{0, 0, 0}, {2, 2, 2}}, new double[] {1, 1, 1});
    assertArrayEquals(new double[] {0.5, 0.5}, w, 1e-12);
  }

  @Test
  void theSumToOneBoundMakesAWeightZero() {
    // predictions (w_b, w_c, 0) for targets (1, 1, -1): unconstrained w_b = w_c = 1 would need w_a = -1; on the
    // simplex w_a = 0 and w_b + w_c = 1, so (1 - w_b)^2 + (1 - w_c)^2 is least at w_b = w_c = 1/2
    double[][] p = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
    double[] w = SimplexLeastSquares.weights(p, new double[] {1, 1, -1});
    assertArrayEquals(new double[] {0, 0.5, 0.5}, w, 1e-12);
    assertEquals(0.25 + 0.25 + 1, SimplexLeastSquares.squaredError(p, new double[] {1, 1, -1}, w), 1e-12);
  }

  @Test
  void aTargetBeyondEveryMemberTakesTheNearestVertex() {
    double[] w = SimplexLeastSquares.weights(new double[][] {{0, 0}, {1, 1}, {2, 2}}, new double[] {5, 5});
    assertArrayEquals(new double[] {0, 0, 1}, w, 0.0);
  }

  @Test
  void anInteriorOptimumOfThreeMembers() {
    // rows: member a is right on row 0, b on row 1, c on row 2, each 0 elsewhere; target 1 on every row.
    // Prediction on row r is w_r; (1 - w_a)^2 + (1 - w_b)^2 + (1 - w_c)^2 is least at w = 1/3 each.
    double[][] p = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, SimplexLeastSquares.weights(p, new double[] {1, 1, 1}),
        1e-12);
  }

  @Test
  void identicalMembersGoToTheFirstListed() {
    double[] w = SimplexLeastSquares.weights(new double[][] {{1, 2}, {1, 2}, {7, 7}}, new double[] {1, 2});
    assertArrayEquals(new double[] {1, 0, 0}, w, 0.0);
  }

  @Test
  void noPointOfTheSimplexDoesBetter() {
    SplittableRandom random = new SplittableRandom(3);
    for (int trial = 0; trial < 20; trial++) {
      int n = 30;
      double[] y = new double[n];
      double[][] p = new double[3][n];
      for (int i = 0; i < n; i++) {
        y[i] = Synthetic.gaussian(random);
        p[0][i] = y[i] + 0.3 * Synthetic.gaussian(random) + 0.2 * trial / 20.0;
        p[1][i] = y[i] + Synthetic.gaussian(random);
        p[2][i] = 0.5 * y[i] + 0.5 * Synthetic.gaussian(random);
      }
      double[] w = SimplexLeastSquares.weights(p, y);
      assertEquals(1, w[0] + w[1] + w[2], 1e-12);
      assertTrue(w[0] >= 0 && w[1] >= 0 && w[2] >= 0);
      double found = SimplexLeastSquares.squaredError(p, y, w);
      for (int a = 0; a <= 100; a++) {
        for (int b = 0; a + b <= 100; b++) {
          double[] grid = {a / 100.0, b / 100.0, (100 - a - b) / 100.0};
          assertTrue(found <= SimplexLeastSquares.squaredError(p, y, grid) + 1e-9, "trial " + trial);
        }
      }
    }
  }
}
