package org.transferlake.model.transfer;

/**
 * Stacking weights: the non-negative weights summing to 1 whose weighted mean of the members' predictions has the
 * least squared error (Breiman's stacked regressions, 1996, where the non-negativity is what keeps stacking from
 * overfitting). Solved exactly, for the few members a stack has, by trying every support: on each subset of
 * members the least-squares weights under the sum-to-1 constraint alone (k - 1 normal equations, the first member
 * taking what the others leave), kept where none is negative; the optimum lies inside one face of the simplex, so
 * the best kept one is it. A support whose members' predictions are collinear there is skipped: a smaller one
 * reaches the same error. 2^m - 1 supports: meant for m up to about 10.
 */
final class SimplexLeastSquares {
  /** Weights this far below 0 count as 0 (rounding in the normal equations). */
  private static final double NEGATIVE = -1e-12;

  private SimplexLeastSquares() {}

  /**
   * @param predictions [member][row]
   * @param y the value of each row
   * @return a weight per member, each 0 or more, summing to 1; among supports of equal error the smaller one,
   *     then the one listed first
   */
  static double[] weights(double[][] predictions, double[] y) {
    int m = predictions.length;
    if (m == 0 || m > 20) {
      throw new IllegalArgumentException("stacking weights for " + m + " members: expected 1 to 20");
    }
    for (double[] p : predictions) {
      if (p.length != y.length) {
        throw new IllegalArgumentException(p.length + " predictions for " + y.length + " rows");
      }
    }
    double[] best = null;
    double bestError = Double.POSITIVE_INFINITY;
    for (int size = 1; size <= m; size++) {
      for (int support = 1; support < 1 << m; support++) {
        if (Integer.bitCount(support) != size) {
          continue;
        }
        double[] w = onSupport(predictions, y, support);
        if (w == null) {
          continue;
        }
        double error = squaredError(predictions, y, w);
        // strictly better beyond rounding: ties go to the smaller support, then the one listed first
        if (best == null || error < bestError - 1e-12 * Math.max(1, bestError)) {
          best = w;
          bestError = error;
        }
      }
    }
    return best;
  }

  /** The sum-to-1 least-squares weights on these members; null where one is negative or the system is singular. */
  private static double[] onSupport(double[][] p, double[] y, int support) {
    int[] members = java.util.stream.IntStream.range(0, p.length).filter(j -> (support >> j & 1) == 1).toArray();
    int first = members[0];
    int k = members.length - 1;
    // w_first = 1 - sum(v); prediction = p_first + sum_j v_j (p_j - p_first)
    double[][] gram = new double[k][k + 1];
    for (int i = 0; i < y.length; i++) {
      double r = y[i] - p[first][i];
      for (int a = 0; a < k; a++) {
        double da = p[members[a + 1]][i] - p[first][i];
        for (int b = 0; b < k; b++) {
          gram[a][b] += da * (p[members[b + 1]][i] - p[first][i]);
        }
        gram[a][k] += da * r;
      }
    }
    double[] v = solve(gram);
    if (v == null) {
      return null;
    }
    double[] w = new double[p.length];
    double rest = 1;
    for (int a = 0; a < k; a++) {
      if (v[a] < NEGATIVE) {
        return null;
      }
      w[members[a + 1]] = Math.max(0, v[a]);
      rest -= w[members[a + 1]];
    }
    if (rest < NEGATIVE) {
      return null;
    }
    w[first] = Math.max(0, rest);
    double sum = 0;
    for (double x : w) {
      sum += x;
    }
    for (int j = 0; j < w.length; j++) {
      w[j] /= sum;
    }
    return w;
  }

  /**
   * Gaussian elimination with partial pivoting on an augmented k x (k + 1) system, in place; null when a pivot
   * is negligible against the largest diagonal entry (collinear members).
   */
  static double[] solve(double[][] a) {
    int k = a.length;
    double scale = 0;
    for (int i = 0; i < k; i++) {
      scale = Math.max(scale, Math.abs(a[i][i]));
    }
    for (int col = 0; col < k; col++) {
      int pivot = col;
      for (int r = col + 1; r < k; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      if (!(Math.abs(a[pivot][col]) > 1e-12 * scale)) {
        return null;
      }
      double[] swap = a[col];
      a[col] = a[pivot];
      a[pivot] = swap;
      for (int r = col + 1; r < k; r++) {
        double f = a[r][col] / a[col][col];
        for (int c = col; c <= k; c++) {
          a[r][c] -= f * a[col][c];
        }
      }
    }
    double[] x = new double[k];
    for (int r = k - 1; r >= 0; r--) {
      double s = a[r][k];
      for (int c = r + 1; c < k; c++) {
        s -= a[r][c] * x[c];
      }
      x[r] = s / a[r][r];
    }
    return x;
  }

  static double squaredError(double[][] p, double[] y, double[] w) {
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      double mean = 0;
      for (int j = 0; j < w.length; j++) {
        mean += w[j] * p[j][i];
      }
      sum += (y[i] - mean) * (y[i] - mean);
    }
    return sum;
  }
}
