package org.transferlake.train.units;

/**
 * The rungs of successive halving for one group of candidates: rungs 0 to {@code rungs - 1} score candidates on
 * the inner folds at a share eta^(r - rungs) of the full budget, each keeping the best ⌈n/eta⌉; the survivors of
 * the last one are trained as ordinary units at the full budget.
 *
 * @param rungs the rungs before the full budget, 1 or more: rung 0 costs at most 1/eta of a full fit
 */
public record RungSchedule(int eta, int rungs) implements java.io.Serializable {
  public RungSchedule {
    if (eta < 2 || rungs < 1) {
      throw new IllegalArgumentException("eta = " + eta + ", rungs = " + rungs + ": expected eta >= 2, rungs >= 1");
    }
  }

  /**
   * The schedule for {@code candidates} at rung 0: from {@code minResource}, rung 0's share of the full budget
   * (rounded to a power of 1/eta), or else as many rungs as leave about eta candidates for the full budget.
   */
  public static RungSchedule of(int eta, double minResource, int candidates) {
    if (minResource > 0) {
      return new RungSchedule(eta, Math.max(1, (int) Math.round(Math.log(1 / minResource) / Math.log(eta))));
    }
    int rungs = 0;
    for (long reach = (long) eta * eta; reach <= candidates; reach *= eta) {
      rungs++;
    }
    return new RungSchedule(eta, Math.max(1, rungs));
  }

  /** eta^(rung - rungs): the share of the full budget a candidate gets at {@code rung}. */
  public double share(int rung) {
    return 1 / (double) divisor(rung);
  }

  /** ⌈full · eta^(rung - rungs)⌉, at least {@code minimum}: a budget hyperparameter's value at {@code rung}. */
  public int budget(int full, int rung, int minimum) {
    long d = divisor(rung);
    return (int) Math.max(minimum, Math.min(full, (full + d - 1) / d));
  }

  /** ⌈n/eta⌉: the candidates a rung of {@code n} passes on. */
  public int kept(int n) {
    return (n + eta - 1) / eta;
  }

  private long divisor(int rung) {
    if (rung < 0 || rung >= rungs) {
      throw new IllegalArgumentException("rung " + rung + ": expected 0 to " + (rungs - 1));
    }
    long d = 1;
    for (int i = rung; i < rungs; i++) {
      d *= eta;
    }
    return d;
  }
}
