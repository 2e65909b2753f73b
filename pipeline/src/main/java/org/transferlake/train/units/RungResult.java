package org.transferlake.train.units;

/**
 * What a rung unit produced: its mean inner-fold score (lower is better) and the seconds its inner fits took.
 *
 * @param nTrain the outer training rows the inner folds split
 * @param executorId the Spark executor that trained it ({@code driver} in local mode)
 */
public record RungResult(RungUnit unit, int nTrain, double innerScore, double fitSeconds, String executorId)
    implements java.io.Serializable {}
