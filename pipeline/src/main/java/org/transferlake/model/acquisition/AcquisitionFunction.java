package org.transferlake.model.acquisition;

/**
 * One acquisition function set up for a goal: {@link #value} scores a candidate's predictive N(mean, std²), larger
 * meaning measure first. Immutable and serializable, so a Spark task or a simulated campaign can carry it.
 */
public final class AcquisitionFunction implements java.io.Serializable {
  /** κ of the confidence bounds by default: the normal 97.5% quantile, the end of a central 95% interval. */
  public static final double DEFAULT_KAPPA = 1.96;

  private final Acquisition acquisition;
  private final Goal goal;
  private final double best;
  private final double kappa;

  private AcquisitionFunction(Acquisition acquisition, Goal goal, double best, double kappa) {
    this.acquisition = acquisition;
    this.goal = goal;
    this.best = best;
    this.kappa = kappa;
  }

  /**
   * A function for a goal.
   *
   * @param best the value to improve on for expected improvement and probability of improvement (see
   *     {@link Goal#incumbent}); ignored by the others, which accept NaN
   * @param kappa κ of the confidence bounds, at least 0 ({@link #DEFAULT_KAPPA}); ignored by the others
   * @throws IllegalArgumentException when the function does not apply to the goal (naming those that do), when an
   *     improvement has no finite best, or κ is negative
   */
  public static AcquisitionFunction of(Acquisition acquisition, Goal goal, double best, double kappa) {
    acquisition.requireValidFor(goal);
    boolean improvement = acquisition == Acquisition.EXPECTED_IMPROVEMENT
        || acquisition == Acquisition.PROBABILITY_OF_IMPROVEMENT;
    if (improvement && !Double.isFinite(best)) {
      throw new IllegalArgumentException("acquisition " + acquisition + ": the best value so far is " + best
          + "; give a finite one (the best measured value, or where none is measured the best predicted mean)");
    }
    if (!(kappa >= 0) || Double.isInfinite(kappa)) {
      throw new IllegalArgumentException("acquisition " + acquisition + ": kappa " + kappa
          + " must be a finite number at least 0 (default " + DEFAULT_KAPPA + ")");
    }
    return new AcquisitionFunction(acquisition, goal, best, kappa);
  }

  /** A function with κ = {@link #DEFAULT_KAPPA}. */
  public static AcquisitionFunction of(Acquisition acquisition, Goal goal, double best) {
    return of(acquisition, goal, best, DEFAULT_KAPPA);
  }

  public Acquisition acquisition() {
    return acquisition;
  }

  public Goal goal() {
    return goal;
  }

  /** The value improved on; NaN where the function needs none. */
  public double best() {
    return best;
  }

  public double kappa() {
    return kappa;
  }

  /**
   * The value of measuring a candidate predicted N(mean, std²); NaN when the mean or std is NaN (a candidate
   * that was not scored).
   *
   * @throws IllegalArgumentException when std is below 0
   */
  public double value(double mean, double std) {
    if (Double.isNaN(mean) || Double.isNaN(std)) {
      return Double.NaN;
    }
    if (std < 0) {
      throw new IllegalArgumentException("acquisition " + acquisition + ": a standard deviation of " + std
          + " (mean " + mean + "); expected at least 0");
    }
    boolean max = goal.kind() == Goal.Kind.MAX;
    return switch (acquisition) {
      case PROBABILITY_IN_WINDOW -> Formulas.probabilityIn(mean, std, goal.low(), goal.high());
      // a smallest-value goal is a largest-value goal on −y, whose best is −best
      case EXPECTED_IMPROVEMENT -> max ? Formulas.expectedImprovement(mean, std, best)
          : Formulas.expectedImprovement(-mean, std, -best);
      case PROBABILITY_OF_IMPROVEMENT -> max ? Formulas.probabilityOfImprovement(mean, std, best)
          : Formulas.probabilityOfImprovement(-mean, std, -best);
      case UPPER_CONFIDENCE_BOUND -> mean + kappa * std;
      case LOWER_CONFIDENCE_BOUND -> -(mean - kappa * std);
      case MAX_UNCERTAINTY -> std;
      case MEAN -> switch (goal.kind()) {
        case MAX -> mean;
        case MIN -> -mean;
        case WINDOW -> -Formulas.distanceTo(mean, goal.low(), goal.high());
      };
    };
  }

  /** {@link #value} of each row. */
  public double[] values(double[] mean, double[] std) {
    if (mean.length != std.length) {
      throw new IllegalArgumentException("acquisition " + acquisition + ": " + mean.length + " means but "
          + std.length + " standard deviations");
    }
    double[] out = new double[mean.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = value(mean[i], std[i]);
    }
    return out;
  }

  @Override
  public String toString() {
    return acquisition + " toward " + goal + (Double.isNaN(best) ? "" : " (best so far " + best + ")")
        + (acquisition == Acquisition.UPPER_CONFIDENCE_BOUND || acquisition == Acquisition.LOWER_CONFIDENCE_BOUND
            ? " (kappa " + kappa + ")" : "");
  }
}
