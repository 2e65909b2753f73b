package org.transferlake.pipeline;

import java.util.List;

/**
 * A training run of an experiment.
 *
 * @param trained the units trained now
 * @param resumed the units kept from the interrupted run it finished
 * @param metric the test metric averaged: accuracy for a classification target, mae otherwise
 * @param unit the metric's unit: the target property's, in which the lake holds its values (mae); null when it has
 *     none (accuracy)
 * @param means the mean test score per architecture and learner (all sizes and hyperparameters), in their order
 */
public record TrainResult(String runId, int trained, int resumed, String metric, String unit,
    List<MeanScore> means) {
  /** The mean of one architecture and learner's test scores over its units. */
  public record MeanScore(String architecture, String learner, double mean, long units) {}
}
