package org.transferlake.train.units;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.transferlake.model.components.Components;
import org.transferlake.model.learn.LearnerComponent;

/**
 * A candidate of successive halving scored at one rung: its inner folds only (no outer fit), with the learner's
 * budget hyperparameter cut to the rung's share, or, for a learner without one, each inner fit on that share of its
 * rows.
 *
 * @param candidate the unit the candidate would be at the full budget
 * @param share eta^(rung - rungs), the share of the full budget
 * @param params the candidate's hyperparameters with the budget's value at this rung
 * @param budget what the rung cuts, as the results.rungs column writes it: {@code trees=23}, {@code rows=0.1111}
 */
public record RungUnit(WorkUnit candidate, int rung, double share, Map<String, String> params, String budget)
    implements Serializable {
  private static final String ROWS = "rows=";

  public RungUnit {
    params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
  }

  /** {@code candidate} at {@code rung} of {@code schedule}. */
  public static RungUnit of(WorkUnit candidate, int rung, RungSchedule schedule) {
    double share = schedule.share(rung);
    LearnerComponent learner = Components.learner(candidate.learner());
    if (learner.budget() == null) {
      return new RungUnit(candidate, rung, share, candidate.params(), ROWS + String.format(java.util.Locale.ROOT,
          "%.4f", share));
    }
    String name = learner.budget().param().name();
    int full = learner.values(candidate.params()).get(learner.budget().param());
    String value = Integer.toString(schedule.budget(full, rung, learner.budget().minimum()));
    Map<String, String> params = new TreeMap<>(candidate.params());
    params.put(name, value);
    return new RungUnit(candidate, rung, share, params, name + "=" + value);
  }

  /** The share of each inner fit's rows the rung trains on: below 1 only for a learner without a budget. */
  public double rowShare() {
    return budget.startsWith(ROWS) ? share : 1;
  }

  /** The candidate at this rung's budget, as a unit: what its cost is estimated from. */
  public WorkUnit budgeted() {
    WorkUnit c = candidate;
    return new WorkUnit(c.architecture(), c.learner(), params, c.features(), c.featuresVary(), c.fold(), c.nTrain(),
        c.repeat(), c.seed());
  }

  /** Stable across runs: the candidate's unit id and the rung. */
  public String id() {
    return candidate.id() + "|rung" + rung;
  }
}
