package org.transferlake.testing;

import java.util.SplittableRandom;

/** Seeded synthetic regression and classification data for learner tests. */
public final class Synthetic {
  private Synthetic() {}

  /** Uniform features in [0, 1). */
  public static double[][] features(int rows, int features, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[rows][features];
    for (double[] row : x) {
      for (int f = 0; f < features; f++) {
        row[f] = random.nextDouble();
      }
    }
    return x;
  }

  /** A smooth function of the first two features: sin(2 pi x0) + 2 x1^2. */
  public static double smooth(double[] row) {
    return Math.sin(2 * Math.PI * row[0]) + 2 * row[1] * row[1];
  }

  public static double[] smooth(double[][] x, double noise, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = smooth(x[i]) + noise * gaussian(random);
    }
    return y;
  }

  public static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  public static double mae(double[] predicted, double[] actual) {
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      sum += Math.abs(predicted[i] - actual[i]);
    }
    return sum / actual.length;
  }
}
