package org.transferlake.model.learn.forest;

/**
 * Variance of a bagged prediction from its trees' outputs, following Wager, Hastie and Efron (2014),
 * "Confidence Intervals for Random Forests: The Jackknife and the Infinitesimal Jackknife": the
 * jackknife-after-bootstrap (J) and infinitesimal jackknife (IJ) estimates, each bias-corrected, averaged (as lolo
 * does, though with the paper's n/B^2 correction where lolo uses (n-1)/B^2). Tree outputs come as [tree][row]; in-bag counts as [tree][training row]. A tree output that is NaN (a
 * label absent from its bootstrap) counts as the mean.
 */
final class Jackknife {
  private Jackknife() {}

  static double[] mean(double[][] t) {
    int m = t[0].length;
    double[] sum = new double[m];
    int[] n = new int[m];
    for (double[] tree : t) {
      for (int r = 0; r < m; r++) {
        if (!Double.isNaN(tree[r])) {
          sum[r] += tree[r];
          n[r]++;
        }
      }
    }
    for (int r = 0; r < m; r++) {
      sum[r] = n[r] == 0 ? Double.NaN : sum[r] / n[r];
    }
    return sum;
  }

  /** Sample standard deviation of the trees' outputs. */
  static double[] treeStd(double[][] t, double[] mean) {
    int m = mean.length;
    double[] ss = new double[m];
    int[] n = new int[m];
    for (double[] tree : t) {
      for (int r = 0; r < m; r++) {
        if (!Double.isNaN(tree[r])) {
          double d = tree[r] - mean[r];
          ss[r] += d * d;
          n[r]++;
        }
      }
    }
    for (int r = 0; r < m; r++) {
      ss[r] = n[r] > 1 ? Math.sqrt(ss[r] / (n[r] - 1)) : 0;
    }
    return ss;
  }

  /** Standard deviation of the forest mean: sqrt(max(0, (V_J-U + V_IJ-U) / 2)). */
  static double[] std(double[][] t, double[] mean, byte[][] inBag) {
    int trees = t.length;
    int m = mean.length;
    int n = inBag[0].length;
    double[][] centred = new double[trees][m];
    double[] spread = new double[m];
    for (int b = 0; b < trees; b++) {
      for (int r = 0; r < m; r++) {
        double d = Double.isNaN(t[b][r]) ? 0 : t[b][r] - mean[r];
        centred[b][r] = d;
        spread[r] += d * d;
      }
    }
    double[] varJ = new double[m];
    double[] varIJ = new double[m];
    double[] outOfBag = new double[m];
    double[] weighted = new double[m];
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(outOfBag, 0);
      java.util.Arrays.fill(weighted, 0);
      int oobTrees = 0;
      double meanCount = 0;
      for (int b = 0; b < trees; b++) {
        int c = inBag[b][i];
        double[] row = centred[b];
        meanCount += c;
        if (c == 0) {
          oobTrees++;
          for (int r = 0; r < m; r++) {
            outOfBag[r] += row[r];
          }
        } else {
          for (int r = 0; r < m; r++) {
            weighted[r] += c * row[r];
          }
        }
      }
      // With centred outputs, Cov_b(N_bi, t_b) = sum_b N_bi (t_b - mean) / B.
      for (int r = 0; r < m; r++) {
        double ij = weighted[r] / trees;
        varIJ[r] += ij * ij;
        if (oobTrees > 0) {
          double j = outOfBag[r] / oobTrees;
          varJ[r] += j * j;
        }
      }
    }
    double[] out = new double[m];
    double jFactor = (n - 1.0) / n;
    // Wager et al. (2014): V_J-U = V_J - (e - 1) n/B^2 sum_b (t_b - t)^2 and V_IJ-U = V_IJ - n/B^2 sum_b (...)^2.
    double correction = Math.E * n / ((double) trees * trees);
    for (int r = 0; r < m; r++) {
      double variance = 0.5 * (jFactor * varJ[r] + varIJ[r] - correction * spread[r]);
      out[r] = Math.sqrt(Math.max(0, variance));
    }
    return out;
  }
}
