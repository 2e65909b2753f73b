package org.transferlake.train;

import java.util.List;
import java.util.Map;
import org.transferlake.train.data.ExperimentData;
import org.transferlake.train.experiment.ExperimentDefinition;
import org.transferlake.train.units.SuccessiveHalving;
import org.transferlake.train.units.UnitCost;
import org.transferlake.train.units.UnitPlan;
import org.transferlake.train.units.WorkUnit;

/** Plans an experiment without training it: its units and their expected cost. */
public final class TrainPlanner {
  private TrainPlanner() {}

  /**
   * What {@code train --dry-run} prints: the units, and the expected seconds of training on one core (the final
   * models included), to divide by the cores the run gets.
   */
  /** @param gridSizes per learner, its grid points times the presets compared: the candidates of a final choice */
  public record Plan(int units, int folds, int targetRows, List<Integer> sourceRows, Map<String, Long> gridSizes,
      double coreSeconds) {}

  public static Plan plan(ExperimentDefinition e, ExperimentData data) {
    if (e.campaign() != null) {
      return campaignPlan(e, data);
    }
    Map<String, Long> grids = new java.util.LinkedHashMap<>();
    e.learners().forEach(l -> grids.put(l.name(), (long) l.points(e.seed()).size() * e.features().size()));
    // Successive halving's rungs as planned before any score: as many rung units, and as many survivors.
    SuccessiveHalving.Outcome halving = SuccessiveHalving.run(e, UnitPlan.expand(e, data.foldCount()),
        (rung, rungUnits) -> Map.of());
    List<WorkUnit> units = halving.units();
    UnitCost cost = cost(e, data);
    double seconds = units.stream().mapToDouble(cost::seconds).sum()
        + halving.rungUnits().stream().mapToDouble(cost::seconds).sum();
    // A final fit per architecture and learner, on all rows: about one unit at full size each.
    seconds += units.stream().filter(u -> u.nTrain() == 0 && u.fold() == 0 && u.repeat() == 0)
        .mapToDouble(u -> cost.seconds(u) * 1.25 / (1 + e.innerFolds() * (e.innerFolds() - 1.0)
            / Math.max(1, e.innerFolds())) / grids.get(u.learner())).sum();
    return new Plan(units.size() + halving.rungUnits().size(), data.foldCount(), data.rows(),
        data.sources().stream().map(s -> s.rows()).toList(),
        grids, seconds);
  }

  /**
   * A campaign's units (arm × repeat) and their seconds: a fit per round at the campaign's mean measured size
   * (initial rows plus half the budget), as the learners' declared fit costs give it. Predicting every candidate
   * each round is not counted.
   */
  private static Plan campaignPlan(ExperimentDefinition e, ExperimentData data) {
    var spec = e.campaign();
    UnitCost cost = new UnitCost(data.rows(), 0, data.sources().size(), e.unionSourceRows(), 0);
    int meanRows = Math.max(5, spec.initialRows() + spec.budget() / 2);
    String firstLearner = e.learners().get(0).name();
    double seconds = 0;
    List<org.transferlake.train.campaign.CampaignUnit> units = org.transferlake.train.campaign.CampaignPlan.units(e);
    for (var u : units) {
      if (!u.arm().random()) {
        WorkUnit fit = new WorkUnit(u.arm().architecture(), u.arm().learner() == null ? firstLearner
            : u.arm().learner(), u.arm().params(), e.features().get(0), false, 0, meanRows, 0, 0);
        seconds += cost.seconds(fit) * org.transferlake.train.campaign.CampaignPlan.fits(spec, u);
      }
    }
    Map<String, Long> grids = new java.util.LinkedHashMap<>();
    e.learners().forEach(l -> grids.put(l.name(), 1L));
    return new Plan(units.size(), 0, data.rows(), data.sources().stream().map(s -> s.rows()).toList(), grids,
        seconds);
  }

  /** The expected cost of the experiment's units, which packs them into waves and tasks. */
  static UnitCost cost(ExperimentDefinition e, ExperimentData data) {
    return new UnitCost(data.rows(), data.sources().stream().mapToLong(s -> s.rows()).sum(), data.sources().size(),
        e.unionSourceRows(), e.innerFolds());
  }
}
