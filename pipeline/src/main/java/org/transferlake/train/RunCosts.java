package org.transferlake.train;

/**
 * Seconds of the work around a train run's fits on the 2-core development machine (local[2]) at the learners'
 * declared speed, as {@code train --dry-run} counts it; an estimate multiplies them by how much slower this lake's
 * recent fits ran ({@code MeasuredCosts.speed}). Set from four runs timed there on 2026-12-07 beside other work
 * (load average 9-17; their forest fits ran 2.4 times their declared cost), each phase's time divided by 2.4
 * (RESULTS.md, "What train --dry-run counts").
 */
final class RunCosts {
  /** JVM and Spark start, the lake opened, the experiment read. */
  static final double START_SECONDS = 30;
  /** Reading features, per target or source row and preset (join and collect to the driver). */
  static final double READ_SECONDS_PER_ROW = 1.8e-4;
  /**
   * Per work unit besides its fits, on one core: the task's start, the inner folds' and the test fold's
   * predictions, the metrics.
   */
  static final double UNIT_SECONDS = 0.3;
  /** Committing a wave of units to the staging tables. */
  static final double WAVE_SECONDS = 1;
  /** Replacing the run's rows in results.*, the registry's commit and ops.runs, once per run. */
  static final double PUBLISH_SECONDS = 2;
  /** Per unit: its metrics and predictions carried from staging to results. */
  static final double PUBLISH_SECONDS_PER_UNIT = 0.02;
  /**
   * A source model's fit on the driver against its learner's declared cost on one core, spread over the cores: the
   * local forest's (30 trees on MP's 78,164 rows: 1.6-2.2 times; 100 fully grown trees: 3.5 times); MLlib's forest
   * (the PBE chain, 394,288 rows: 27 min on 2 cores where its declared cost says 880 core-seconds).
   */
  static final double SOURCE_LOCAL_FACTOR = 2.2;
  static final double SOURCE_DISTRIBUTED_FACTOR = 3.7;
  /**
   * Saving a final model that keeps the source models (its artifact holds each source's model on all rows), per
   * declared core-second of those models' fits.
   */
  static final double SAVE_PER_SOURCE_SECOND = 0.05;

  private RunCosts() {}
}
