package org.transferlake.train;

import java.util.List;
import java.util.Map;
import org.transferlake.train.data.ExperimentData;
import org.transferlake.train.experiment.ExperimentDefinition;
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
    Map<String, Long> grids = new java.util.LinkedHashMap<>();
    e.learners().forEach(l -> grids.put(l.name(), (long) l.points(e.seed()).size() * e.features().size()));
    List<WorkUnit> units = UnitPlan.expand(e, data.foldCount());
    UnitCost cost = cost(e, data);
    double seconds = units.stream().mapToDouble(cost::seconds).sum();
    // A final fit per architecture and learner, on all rows: about one unit at full size each.
    seconds += units.stream().filter(u -> u.nTrain() == 0 && u.fold() == 0 && u.repeat() == 0)
        .mapToDouble(u -> cost.seconds(u) * 1.25 / (1 + e.innerFolds() * (e.innerFolds() - 1.0)
            / Math.max(1, e.innerFolds())) / grids.get(u.learner())).sum();
    return new Plan(units.size(), data.foldCount(), data.rows(), data.sources().stream().map(s -> s.rows()).toList(),
        grids, seconds);
  }

  /** The expected cost of the experiment's units, which packs them into waves and tasks. */
  static UnitCost cost(ExperimentDefinition e, ExperimentData data) {
    return new UnitCost(data.rows(), data.sources().stream().mapToLong(s -> s.rows()).sum(), data.sources().size(),
        e.unionSourceRows(), e.innerFolds());
  }
}
