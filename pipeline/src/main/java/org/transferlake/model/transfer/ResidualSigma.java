package org.transferlake.model.transfer;

/**
 * The standard deviations {@link SourceOnly} predicts with, from its training rows' residuals r = t - s: one root
 * mean square for the rows whose source value s was measured, one for the rows whose s was predicted.
 *
 * <p>Root mean squares, not deviations around the mean residual: nothing corrects an offset between source and
 * target (PBE's low gaps), so the offset is error too. A group of fewer than {@value #MIN_ROWS} rows, or whose
 * residuals are all 0, takes the root mean square of every training row. Where that is 0 as well (no training row,
 * or the source matched every one exactly), nothing says how close the source comes, and σ is the standard
 * deviation of the source's own values: as wide as the property varies.
 *
 * @param measured σ of a row whose source value is measured
 * @param predicted σ of a row whose source value is predicted
 */
record ResidualSigma(double measured, double predicted) {
  /** The fewest rows a group's own σ is taken from. */
  static final int MIN_ROWS = 5;

  /**
   * @param t the training rows' target values
   * @param s their source values, as the prediction will read them
   * @param sourceValues every value of the source, for when no residual gives a σ above 0
   * @throws IllegalArgumentException when neither the residuals nor the source's values give a σ above 0
   */
  static ResidualSigma of(double[] t, SourceEstimator.Estimate s, double[] sourceValues) {
    double[] squares = new double[2];
    int[] rows = new int[2];
    for (int i = 0; i < t.length; i++) {
      int group = s.measured()[i] ? 0 : 1;
      double r = t[i] - s.mean()[i];
      squares[group] += r * r;
      rows[group]++;
    }
    double pooled = t.length == 0 ? 0 : Math.sqrt((squares[0] + squares[1]) / t.length);
    if (!(pooled > 0)) {
      pooled = standardDeviation(sourceValues);
      if (!(pooled > 0)) {
        throw new IllegalArgumentException(SourceOnly.NAME + ": no residual above 0 in " + t.length + " training rows"
            + " and no spread in the source's " + sourceValues.length + " values to take a standard deviation from");
      }
    }
    return new ResidualSigma(group(squares[0], rows[0], pooled), group(squares[1], rows[1], pooled));
  }

  private static double group(double squares, int rows, double pooled) {
    return rows >= MIN_ROWS && squares > 0 ? Math.sqrt(squares / rows) : pooled;
  }

  private static double standardDeviation(double[] values) {
    if (values.length < 2) {
      return 0;
    }
    double mean = 0;
    for (double v : values) {
      mean += v / values.length;
    }
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return Math.sqrt(squares / (values.length - 1));
  }
}
