package org.transferlake.model.learn;

/**
 * The values a regression target can take (a band gap is never negative: the property catalog's min and max), and
 * predictions moved into them. A mean outside is moved to the nearest bound; its standard deviation becomes the
 * root-mean-square distance of the model's predictive distribution from the new mean, sqrt(σ² + (μ − μ')²): the
 * spread about the value now predicted, which grows with how far the model was outside, instead of the σ that
 * described the spread about a mean no longer given.
 */
public record ValueRange(double min, double max) implements java.io.Serializable {
  /** No bounds. */
  public static final ValueRange ANY = new ValueRange(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

  public ValueRange {
    if (!(min <= max)) {
      throw new IllegalArgumentException("range [" + min + ", " + max + "]: min above max");
    }
  }

  /** Means and standard deviations within the range, and which rows were moved. */
  public record Within(double[] mean, double[] std, boolean[] moved) {}

  /** The predictions moved into the range; those inside are kept as they are. */
  public Within apply(double[] mean, double[] std) {
    double[] m = mean.clone();
    double[] s = std.clone();
    boolean[] moved = new boolean[mean.length];
    for (int i = 0; i < mean.length; i++) {
      double to = Math.min(max, Math.max(min, mean[i]));
      if (to != mean[i]) {
        moved[i] = true;
        s[i] = Math.hypot(std[i], mean[i] - to);
        m[i] = to;
      }
    }
    return new Within(m, s, moved);
  }
}
