package org.transferlake.train;

/**
 * The expected wall-clock seconds of a train run, by phase, in the order they run.
 *
 * @param start JVM and Spark start, reading the experiment's data
 * @param sources the stage-one source models, fitted on the driver before the units start (0 when no architecture
 *     needs them)
 * @param units the work units, in Spark tasks on {@code cores} cores, with their inner validation and predictions
 * @param finals each architecture and learner's final model, refitted on every target row
 * @param publishing the waves' commits, the results tables, the registry and ops.runs
 * @param cores the cores the run's tasks share
 * @param costs where the fits' costs come from: the built-in constants or this lake's recent runs
 */
public record RunEstimate(double start, double sources, double units, double finals, double publishing, int cores,
    String costs) {
  public double seconds() {
    return start + sources + units + finals + publishing;
  }
}
