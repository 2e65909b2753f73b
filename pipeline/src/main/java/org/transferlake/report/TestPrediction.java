package org.transferlake.report;

import java.util.Arrays;

/**
 * One {@code results.predictions} row: a test record's out-of-fold prediction by one unit. Regression fills
 * actual, mean and std (and {@code spread}, the std before calibration, null in runs from before it was kept);
 * classification the two labels and the probability per class (null where not stored).
 */
record TestPrediction(String unitId, String architecture, String learner, int fold, int repeat,
    String sourceFile, long recordNumber, Double actual, Double mean, Double std, String actualLabel,
    String predictedLabel, double[] probabilities, Double spread) {

  /** Classification: the probability of the most probable class, NaN without probabilities. */
  public double confidence() {
    return probabilities == null ? Double.NaN : Arrays.stream(probabilities).max().orElse(Double.NaN);
  }
}
