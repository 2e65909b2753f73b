package org.transferlake.train.units;

import java.util.Map;

/**
 * What one work unit produced: its scores on the outer test fold, its inner-validation score (null when no
 * selection was asked), timings, and its out-of-fold predictions.
 *
 * @param testRows indices into the experiment data of the test rows, aligned with the predictions
 * @param mean predicted means within the target's range (null for classification), {@code std} their spreads
 * @param spread the standard deviations before calibration, moved with the means (null for classification)
 * @param moved whether each mean was moved into the target's range (null for classification)
 * @param probabilities class probabilities per test row (null for regression)
 * @param executorId the Spark executor that trained the unit ({@code driver} in local mode)
 */
public record UnitResult(WorkUnit unit, int nTrain, int nTest, Map<String, Double> metrics, Double innerScore,
    double fitSeconds, double predictSeconds, int[] testRows, double[] mean, double[] std, double[] spread,
    boolean[] moved,
    double[][] probabilities, String executorId) implements java.io.Serializable {}
