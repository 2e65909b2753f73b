package org.transferlake.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.transferlake.model.components.Components;
import org.transferlake.model.learn.Learner;
import org.transferlake.model.transfer.ArchitectureComponent;
import org.transferlake.model.transfer.ContextSet;
import org.transferlake.model.transfer.SourceLearners;
import org.transferlake.train.campaign.CampaignPlan;
import org.transferlake.train.campaign.CampaignUnit;
import org.transferlake.train.data.ExperimentData;
import org.transferlake.train.experiment.ExperimentDefinition;
import org.transferlake.train.units.MeasuredCosts;
import org.transferlake.train.units.RungUnit;
import org.transferlake.train.units.SuccessiveHalving;
import org.transferlake.train.units.UnitCost;
import org.transferlake.train.units.UnitPlan;
import org.transferlake.train.units.WorkUnit;

/** Plans an experiment without training it: its units and the expected wall time of each phase of its run. */
public final class TrainPlanner {
  private TrainPlanner() {}

  /**
   * What the run would get.
   *
   * @param cores the cores its tasks share (Spark's default parallelism: local[*], the available processors)
   * @param unitsPerCommit units per wave
   * @param sourceLearners the learners of the source models, by size
   * @param costs the fits' costs: declared, or corrected by this lake's recent fits
   */
  public record Setup(int cores, int unitsPerCommit, SourceLearners sourceLearners, MeasuredCosts costs) {}

  /**
   * What {@code train --dry-run} prints.
   *
   * @param units units trained in full, rung units included
   * @param rungUnits successive halving's rung units among them, scored on inner folds at a share of the budget
   * @param gridSizes per learner, its grid points times the presets compared: the candidates of a final choice
   */
  public record Plan(int units, int rungUnits, int folds, int targetRows, List<Integer> sourceRows, Map<String, Long> gridSizes,
      RunEstimate estimate) {}

  public static Plan plan(ExperimentDefinition e, ExperimentData data, Setup setup) {
    if (e.campaign() != null) {
      return campaignPlan(e, data, setup);
    }
    Map<String, Long> grids = new LinkedHashMap<>();
    e.learners().forEach(l -> grids.put(l.name(), (long) l.points(e.seed()).size() * e.features().size()));
    // Successive halving's rungs as planned before any score: as many rung units, and as many survivors.
    SuccessiveHalving.Outcome halving = SuccessiveHalving.run(e, UnitPlan.expand(e, data.foldCount()),
        (rung, rungUnits) -> Map.of());
    List<WorkUnit> units = halving.units();
    UnitCost cost = cost(e, data, setup.costs());
    double overhead = RunCosts.UNIT_SECONDS * setup.costs().speed();
    List<Timed> timed = new ArrayList<>();
    units.forEach(u -> timed.add(new Timed(u.learner(), cost.seconds(u) + overhead)));
    for (RungUnit r : halving.rungUnits()) {
      timed.add(new Timed(r.candidate().learner(), cost.seconds(r) + overhead));
    }
    double unitSeconds = wall(timed, setup.cores());
    List<WorkUnit> finalFits = finalFits(units, data.rows());
    double finals = wall(finalFits.stream().map(u -> new Timed(u.learner(), cost.fitSeconds(u))).toList(),
        setup.cores()) + saveSeconds(finalFits, data, setup);
    int waves = (timed.size() + setup.unitsPerCommit() - 1) / setup.unitsPerCommit();
    double publishing = (RunCosts.PUBLISH_SECONDS + waves * RunCosts.WAVE_SECONDS
        + units.size() * RunCosts.PUBLISH_SECONDS_PER_UNIT) * setup.costs().speed();
    return new Plan(timed.size(), halving.rungUnits().size(), data.foldCount(), data.rows(), sourceRows(data), grids, new RunEstimate(
        startSeconds(e, data, setup), sourceSeconds(e, data, setup), unitSeconds, finals, publishing, setup.cores(),
        setup.costs().describe()));
  }

  /** The expected cost of the experiment's units with the learners' declared costs, which packs them. */
  static UnitCost cost(ExperimentDefinition e, ExperimentData data) {
    return cost(e, data, MeasuredCosts.declared());
  }

  private static UnitCost cost(ExperimentDefinition e, ExperimentData data, MeasuredCosts costs) {
    return new UnitCost(data.rows(), data.sources().stream().mapToLong(ContextSet::rows).sum(),
        data.sources().size(), e.unionSourceRows(), e.innerFolds(), costs);
  }

  /** Start-up, and reading the target's and sources' features once per preset, at the machine's measured speed. */
  private static double startSeconds(ExperimentDefinition e, ExperimentData data, Setup setup) {
    long rows = data.rows() + data.sources().stream().mapToLong(ContextSet::rows).sum();
    return (RunCosts.START_SECONDS + RunCosts.READ_SECONDS_PER_ROW * rows * e.features().size())
        * setup.costs().speed();
  }

  /**
   * The source models that {@code TrainJob.prepareSources} fits before the units, per preset: each source's model on
   * all its rows and, unless measured values are used, its cross-fitted models; the learners use every core, at the
   * machine's measured speed (the units' sizes say little of a source's: its learner's exponent is not used).
   */
  private static double sourceSeconds(ExperimentDefinition e, ExperimentData data, Setup setup) {
    boolean stageOne = e.architectures().stream().anyMatch(a -> Components.architecture(a).sourceUse()
        == ArchitectureComponent.SourceUse.SOURCE_MODELS);
    if (!stageOne) {
      return 0;
    }
    int folds = e.useMeasured() ? 0 : e.crossFitFolds();
    double seconds = 0;
    for (ContextSet s : data.sources()) {
      seconds += sourceFit(setup.sourceLearners(), s.rows());
      seconds += folds == 0 ? 0 : folds * sourceFit(setup.sourceLearners(), s.rows() * (folds - 1.0) / folds);
    }
    return seconds * e.features().size() * setup.costs().speed() / setup.cores();
  }

  /** Saving the final models that keep the source models: the larger those models, the longer. */
  private static double saveSeconds(List<WorkUnit> finals, ExperimentData data, Setup setup) {
    long keeping = finals.stream().filter(u -> Components.architecture(u.architecture()).sourceUse()
        == ArchitectureComponent.SourceUse.SOURCE_MODELS).count();
    double models = data.sources().stream().mapToDouble(s -> declaredSourceFit(setup.sourceLearners(), s.rows()))
        .sum();
    return keeping * models * RunCosts.SAVE_PER_SOURCE_SECOND * setup.costs().speed();
  }

  /** A source model's fit on the driver: its declared cost times what such fits took there. */
  private static double sourceFit(SourceLearners learners, double rows) {
    double factor = rows > learners.switchRows() ? RunCosts.SOURCE_DISTRIBUTED_FACTOR : RunCosts.SOURCE_LOCAL_FACTOR;
    return declaredSourceFit(learners, rows) * factor;
  }

  private static double declaredSourceFit(SourceLearners learners, double rows) {
    Learner learner = learners.forRows((long) rows);
    return Components.learner(learner.name()).fitSeconds(learner.params(), rows);
  }

  /**
   * A final fit per architecture and learner trained on whole folds, on every target row: its first unit's
   * hyperparameters stand for those chosen.
   */
  private static List<WorkUnit> finalFits(List<WorkUnit> units, int targetRows) {
    Map<List<String>, WorkUnit> first = new LinkedHashMap<>();
    for (WorkUnit u : units) {
      if (u.nTrain() == 0 && u.fold() == 0 && u.repeat() == 0) {
        first.putIfAbsent(List.of(u.architecture(), u.learner()), new WorkUnit(u.architecture(), u.learner(),
            u.params(), u.features(), u.featuresVary(), 0, targetRows, 0, u.seed()));
      }
    }
    return new ArrayList<>(first.values());
  }

  /** A unit's (or rung unit's) learner and expected seconds. */
  private record Timed(String learner, double seconds) {}

  /**
   * Wall seconds of units in Spark tasks on {@code cores} cores: their sum spread over the cores, but no less than the
   * units of a learner that trains one at a time per JVM (the mlp) in turn, nor than the longest unit.
   */
  private static double wall(List<Timed> units, int cores) {
    double total = 0;
    double longest = 0;
    Map<String, Double> oneAtATime = new LinkedHashMap<>();
    for (Timed u : units) {
      double s = u.seconds();
      total += s;
      longest = Math.max(longest, s);
      if (Components.learner(u.learner()).trainsOneAtATime()) {
        oneAtATime.merge(u.learner(), s, Double::sum);
      }
    }
    double inTurn = oneAtATime.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    return units.isEmpty() ? 0 : Math.max(Math.max(total / Math.min(cores, units.size()), inTurn), longest);
  }

  /**
   * A campaign's units (arm × repeat): a fit per round at the campaign's mean measured size (initial rows plus half
   * the budget). Predicting every candidate each round is not counted.
   */
  private static Plan campaignPlan(ExperimentDefinition e, ExperimentData data, Setup setup) {
    var spec = e.campaign();
    UnitCost cost = new UnitCost(data.rows(), 0, data.sources().size(), e.unionSourceRows(), 0, setup.costs());
    int meanRows = Math.max(5, spec.initialRows() + spec.budget() / 2);
    String firstLearner = e.learners().get(0).name();
    double seconds = 0;
    List<CampaignUnit> units = CampaignPlan.units(e);
    for (CampaignUnit u : units) {
      if (!u.arm().random()) {
        WorkUnit fit = new WorkUnit(u.arm().architecture(), u.arm().learner() == null ? firstLearner
            : u.arm().learner(), u.arm().params(), e.features().get(0), false, 0, meanRows, 0, 0);
        seconds += cost.fitSeconds(fit) * CampaignPlan.fits(spec, u);
      }
    }
    Map<String, Long> grids = new LinkedHashMap<>();
    e.learners().forEach(l -> grids.put(l.name(), 1L));
    int waves = (units.size() + setup.unitsPerCommit() - 1) / setup.unitsPerCommit();
    double unitSeconds = units.isEmpty() ? 0 : (seconds + units.size() * RunCosts.UNIT_SECONDS * setup.costs().speed())
        / Math.min(setup.cores(), units.size());
    return new Plan(units.size(), 0, 0, data.rows(), sourceRows(data), grids, new RunEstimate(
        startSeconds(e, data, setup), sourceSeconds(e, data, setup), unitSeconds, 0,
        (RunCosts.PUBLISH_SECONDS + waves * RunCosts.WAVE_SECONDS) * setup.costs().speed(), setup.cores(),
        setup.costs().describe()));
  }

  private static List<Integer> sourceRows(ExperimentData data) {
    return data.sources().stream().map(ContextSet::rows).toList();
  }
}
