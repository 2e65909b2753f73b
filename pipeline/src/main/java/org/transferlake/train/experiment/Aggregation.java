package org.transferlake.train.experiment;

import java.util.Arrays;

/** How a source's several observations of one composition become one value. */
public enum Aggregation {
  MEAN, MEDIAN, MIN, CLOSEST_TO_MEAN;

  public static Aggregation parse(String name) {
    try {
      return valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("aggregate = " + name + ": expected mean, median, min or closest_to_mean");
    }
  }

  public double apply(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    double mean = Arrays.stream(v).average().orElse(Double.NaN);
    return switch (this) {
      case MEAN -> mean;
      case MEDIAN -> v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
      case MIN -> v[0];
      case CLOSEST_TO_MEAN -> {
        double best = v[0]; // ties go to the smaller value: sorted order
        for (double x : v) {
          if (Math.abs(x - mean) < Math.abs(best - mean)) {
            best = x;
          }
        }
        yield best;
      }
    };
  }
}
