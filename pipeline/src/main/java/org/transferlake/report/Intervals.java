package org.transferlake.report;

import org.transferlake.model.learn.Gaussian;

/** The normal quantile and the Wilson score interval of a proportion. */
final class Intervals {
  private Intervals() {}

  /** A two-sided interval. */
  public record Interval(double low, double high) {}

  /** Wilson's score interval for {@code successes} of {@code n} at the given two-sided level (0.95). */
  public static Interval wilson(long successes, long n, double level) {
    if (n <= 0) {
      return new Interval(Double.NaN, Double.NaN);
    }
    double z = normalQuantile((1 + level) / 2);
    double p = (double) successes / n;
    double z2n = z * z / n;
    double centre = (p + z2n / 2) / (1 + z2n);
    double half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / n + z2n / (4.0 * n));
    return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
  }

  /** Φ⁻¹(p): see {@link Gaussian#quantile}. */
  public static double normalQuantile(double p) {
    return Gaussian.quantile(p);
  }
}
