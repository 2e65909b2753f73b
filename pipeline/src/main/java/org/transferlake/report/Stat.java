package org.transferlake.report;

import java.util.Collection;

/** Mean and sample standard deviation (n - 1) of some values; sd is NaN for fewer than two. */
record Stat(double mean, double sd, int n) {
  public static Stat of(Collection<Double> values) {
    int n = values.size();
    if (n == 0) {
      return new Stat(Double.NaN, Double.NaN, 0);
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / n;
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return new Stat(mean, n > 1 ? Math.sqrt(squares / (n - 1)) : Double.NaN, n);
  }
}
