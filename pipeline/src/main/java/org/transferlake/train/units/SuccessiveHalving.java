package org.transferlake.train.units;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.transferlake.model.components.Components;
import org.transferlake.train.experiment.ExperimentDefinition;
import org.transferlake.train.experiment.LearnerSpec;

/**
 * Successive halving (as in ASHA and Hyperband) over the units of learners with {@code search = halving}. The
 * candidates of a group (one architecture, learner, outer fold, training size and repeat: all but hyperparameters
 * and preset) are scored rung by rung on the inner folds of the outer training rows, each rung keeping the best
 * ⌈n/eta⌉; the survivors of the last rung become ordinary units, trained at the full budget. The test fold never
 * takes part in a promotion, so the selection stays nested.
 */
public final class SuccessiveHalving {
  private SuccessiveHalving() {}

  /** Scores one rung's units: each candidate's unit id to its inner score at that rung. */
  @FunctionalInterface
  public interface Scorer {
    Map<String, Double> score(int rung, List<RungUnit> units);
  }

  /**
   * @param units what to train at the full budget: every unit not searched by halving, and the survivors, in the
   *     expanded order
   * @param rungUnits every rung unit scored, rung by rung
   */
  public record Outcome(List<WorkUnit> units, List<RungUnit> rungUnits) {}

  /**
   * Runs the rungs, each scored by {@code scorer} before the next is planned.
   *
   * @param expanded every candidate, as {@link UnitPlan#expand} gives them
   */
  public static Outcome run(ExperimentDefinition e, List<WorkUnit> expanded, Scorer scorer) {
    Map<String, LearnerSpec> specs = new LinkedHashMap<>();
    e.learners().forEach(l -> specs.put(l.name(), l));
    Map<String, List<WorkUnit>> alive = new LinkedHashMap<>();
    for (WorkUnit u : expanded) {
      if (halved(specs, u)) {
        alive.computeIfAbsent(group(u), g -> new ArrayList<>()).add(u);
      }
    }
    Map<String, RungSchedule> schedules = new LinkedHashMap<>();
    alive.forEach((g, candidates) -> {
      LearnerSpec spec = specs.get(candidates.get(0).learner());
      schedules.put(g, RungSchedule.of(spec.eta(), spec.minResource(), candidates.size()));
    });
    int last = schedules.values().stream().mapToInt(RungSchedule::rungs).max().orElse(0);
    List<RungUnit> scored = new ArrayList<>();
    for (int rung = 0; rung < last; rung++) {
      List<RungUnit> now = new ArrayList<>();
      for (Map.Entry<String, List<WorkUnit>> g : alive.entrySet()) {
        RungSchedule schedule = schedules.get(g.getKey());
        if (rung < schedule.rungs()) {
          for (WorkUnit c : g.getValue()) {
            now.add(RungUnit.of(c, rung, schedule));
          }
        }
      }
      Map<String, Double> scores = scorer.score(rung, now);
      for (Map.Entry<String, List<WorkUnit>> g : alive.entrySet()) {
        RungSchedule schedule = schedules.get(g.getKey());
        if (rung < schedule.rungs()) {
          g.setValue(promoted(g.getValue(), scores, schedule.kept(g.getValue().size())));
        }
      }
      scored.addAll(now);
    }
    Set<String> survivors = new HashSet<>();
    alive.values().forEach(us -> us.forEach(u -> survivors.add(u.id())));
    List<WorkUnit> units = expanded.stream().filter(u -> !halved(specs, u) || survivors.contains(u.id())).toList();
    return new Outcome(units, scored);
  }

  /**
   * The best {@code keep} candidates by inner score (lower is better), ties to the lower params text; a candidate
   * without a score ranks last.
   */
  public static List<WorkUnit> promoted(List<WorkUnit> candidates, Map<String, Double> scores, int keep) {
    List<WorkUnit> ranked = new ArrayList<>(candidates);
    ranked.sort(Comparator.comparingDouble((WorkUnit u) -> scores.getOrDefault(u.id(), Double.POSITIVE_INFINITY))
        .thenComparing(WorkUnit::paramsText));
    return List.copyOf(ranked.subList(0, Math.min(keep, ranked.size())));
  }

  /** The group a candidate competes in: all of its unit's keys but hyperparameters and preset. */
  static String group(WorkUnit u) {
    return u.architecture() + "|" + u.learner() + "|f" + u.fold() + "|n" + u.nTrain() + "|r" + u.repeat();
  }

  /** Whether halving narrows this unit's learner: an architecture fitting no learner has one unit, nothing to narrow.
   */
  private static boolean halved(Map<String, LearnerSpec> specs, WorkUnit u) {
    return specs.get(u.learner()).halving() && Components.architecture(u.architecture()).usesLearner();
  }
}
