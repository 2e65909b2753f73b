package org.transferlake.report;

/**
 * One {@code results.predictions} row: a test record's out-of-fold prediction by one unit. Regression fills
 * actual, mean and std; classification the two labels and the probability per class (null where not stored).
 */
public record TestPrediction(String unitId, String architecture, String learner, int fold, int repeat,
    String sourceFile, long recordNumber, Double actual, Double mean, Double std, String actualLabel,
    String predictedLabel, double[] probabilities) {

  /** Classification: the probability of the most probable class, NaN without probabilities. */
  public double confidence() {
    if (probabilities == null || probabilities.length == 0) {
      return Double.NaN;
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double p : probabilities) {
      max = Math.max(max, p);
    }
    return max;
  }
}
