package org.transferlake.report;

/**
 * One {@code results.predictions} row: a test record's out-of-fold prediction by one unit. Regression fills
 * actual, mean and std; classification the two labels.
 */
public record TestPrediction(String unitId, String architecture, String learner, int fold, int repeat,
    String sourceFile, long recordNumber, Double actual, Double mean, Double std, String actualLabel,
    String predictedLabel) {}
