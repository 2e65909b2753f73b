package org.transferlake.model.transfer;

import java.util.ArrayList;
import java.util.List;
import org.transferlake.model.learn.SigmaCalibration;

/**
 * The standard deviations {@link SourceOnly} predicts with, from its training rows' residuals r = t - s: one for
 * the rows whose source value s was measured, one for the rows whose s was predicted.
 *
 * <p>Each is the half-width that holds {@link SigmaCalibration#COVERAGE} of its group's |r| (the same coverage
 * the learners calibrate to), not the root mean square: the residuals are heavy-tailed (exact 0 for most metals, a
 * few misses of several eV), and a root mean square covered 78% of them. Where that half-width is 0 (most of the
 * group matched exactly), the group's root mean square is taken. Residuals, not deviations around their mean:
 * nothing corrects an offset between source and target (PBE's low gaps), so the offset is error too. A group of
 * fewer than {@value #MIN_ROWS} rows, or whose residuals are all 0, takes the σ of every training row together.
 * Where that is 0 as well (no training row, or the source matched every one exactly), nothing says how close the
 * source comes, and σ is the standard deviation of the source's own values: as wide as the property varies.
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
    List<List<Double>> groups = List.of(new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < t.length; i++) {
      groups.get(s.measured()[i] ? 0 : 1).add(Math.abs(t[i] - s.mean()[i]));
    }
    List<Double> all = new ArrayList<>(groups.get(0));
    all.addAll(groups.get(1));
    double pooled = sigma(all);
    if (!(pooled > 0)) {
      pooled = standardDeviation(sourceValues);
      if (!(pooled > 0)) {
        throw new IllegalArgumentException(SourceOnly.NAME + ": no residual above 0 in " + t.length + " training rows"
            + " and no spread in the source's " + sourceValues.length + " values to take a standard deviation from");
      }
    }
    return new ResidualSigma(group(groups.get(0), pooled), group(groups.get(1), pooled));
  }

  private static double group(List<Double> absResiduals, double pooled) {
    double sigma = sigma(absResiduals);
    return absResiduals.size() >= MIN_ROWS && sigma > 0 ? sigma : pooled;
  }

  private static double sigma(List<Double> absResiduals) {
    return SigmaCalibration.halfWidth(absResiduals.stream().mapToDouble(Double::doubleValue).toArray());
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
