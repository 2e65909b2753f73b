package org.transferlake.report;

/** One {@code results.selected} row: the hyperparameters inner validation chose for a fold, size and repeat. */
record SelectedParams(String architecture, String learner, int fold, int nTrain, int repeat, String params,
    int candidates, Double innerScore) {}
