package org.transferlake.train.units;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.transferlake.model.components.Components;
import org.transferlake.model.transfer.Seeds;
import org.transferlake.train.experiment.ExperimentDefinition;
import org.transferlake.train.experiment.LearnerSpec;

/** Expands an experiment into work units, and packs them into tasks of about equal expected cost. */
public final class UnitPlan {
  private UnitPlan() {}

  /**
   * architecture × learner × preset × hyperparameters × fold × training size × repeat, in a stable order. An architecture
   * that fits no learner ({@code source_only}) has one unit per learner, with no hyperparameters: every grid point
   * would give the same unit.
   */
  public static List<WorkUnit> expand(ExperimentDefinition e, int folds) {
    List<WorkUnit> units = new ArrayList<>();
    for (int repeat = 0; repeat < e.repeats(); repeat++) {
      long seed = Seeds.derive(e.seed(), "repeat", repeat);
      for (String architecture : e.architectures()) {
        boolean learns = Components.architecture(architecture).usesLearner();
        for (LearnerSpec learner : e.learners()) {
          for (String features : e.features()) {
            for (Map<String, String> params : learns ? learner.points(e.seed()) : List.of(Map.<String, String>of())) {
              for (int fold = 0; fold < folds; fold++) {
                for (int n : e.learningCurve()) {
                  units.add(new WorkUnit(architecture, learner.name(), params, features, e.comparesFeatures(), fold, n,
                      repeat, seed));
                }
              }
            }
          }
        }
      }
    }
    return units;
  }

  /**
   * Longest-processing-time packing: units by decreasing cost, each into the currently cheapest of {@code tasks}
   * bins. Ties break on the unit id, so the packing is the same on every run. Then each bin's units that train one
   * at a time per JVM are moved to a different time in bins that run side by side (see {@link #staggered}).
   *
   * @param tasksAtOnce tasks one JVM runs at a time (its cores): Spark starts tasks in index order, so bins
   *     {@code b} and {@code b + 1} mostly run side by side
   */
  public static List<List<WorkUnit>> pack(List<WorkUnit> units, int tasks, int tasksAtOnce, UnitCost cost) {
    int bins = Math.max(1, Math.min(tasks, units.size()));
    List<List<WorkUnit>> out = new ArrayList<>();
    double[] load = new double[bins];
    for (int b = 0; b < bins; b++) {
      out.add(new ArrayList<>());
    }
    List<WorkUnit> sorted = new ArrayList<>(units);
    sorted.sort(Comparator.comparingDouble((WorkUnit u) -> -cost.seconds(u)).thenComparing(WorkUnit::id));
    for (WorkUnit u : sorted) {
      int best = 0;
      for (int b = 1; b < bins; b++) {
        if (load[b] < load[best]) {
          best = b;
        }
      }
      out.get(best).add(u);
      load[best] += cost.seconds(u);
    }
    int slots = Math.max(1, Math.min(tasksAtOnce, bins));
    for (int b = 0; b < bins; b++) {
      out.set(b, staggered(out.get(b), slots == 1 ? 0 : (double) (b % slots) / (slots - 1), cost));
    }
    return out;
  }

  /**
   * A task's units with those that train one at a time per JVM (mlp fits take the JVM's training lock) run as one
   * block, started after {@code position} (0 to 1) of the task's other work: of tasks side by side, the first starts
   * with its block and the last ends with it. They then meet at the lock only when the one-at-a-time work is more
   * than the other work can overlap; left in cost order, they all reach their mlp units together and cores wait.
   */
  static List<WorkUnit> staggered(List<WorkUnit> bin, double position, UnitCost cost) {
    List<WorkUnit> exclusive = new ArrayList<>();
    List<WorkUnit> other = new ArrayList<>();
    for (WorkUnit u : bin) {
      (Components.learner(u.learner()).trainsOneAtATime() ? exclusive : other).add(u);
    }
    if (exclusive.isEmpty() || other.isEmpty()) {
      return bin;
    }
    double otherCost = other.stream().mapToDouble(cost::seconds).sum();
    double startAfter = otherCost * position;
    List<WorkUnit> ordered = new ArrayList<>();
    double done = 0;
    int i = 0;
    while (i < other.size() && done + cost.seconds(other.get(i)) / 2 <= startAfter) {
      done += cost.seconds(other.get(i));
      ordered.add(other.get(i++));
    }
    ordered.addAll(exclusive);
    ordered.addAll(other.subList(i, other.size()));
    return ordered;
  }

  /**
   * Units split into waves of about {@code size}, dealt out in decreasing cost so that every wave has a similar mix
   * of long and short units.
   */
  public static List<List<WorkUnit>> waves(List<WorkUnit> units, int size, UnitCost cost) {
    int count = (int) Math.max(1, Math.min(units.size(), (units.size() + (long) size - 1) / size));
    List<WorkUnit> sorted = new ArrayList<>(units);
    sorted.sort(Comparator.comparingDouble((WorkUnit u) -> -cost.seconds(u)).thenComparing(WorkUnit::id));
    List<List<WorkUnit>> out = new ArrayList<>();
    for (int w = 0; w < count; w++) {
      out.add(new ArrayList<>());
    }
    for (int i = 0; i < sorted.size(); i++) {
      out.get(i % count).add(sorted.get(i));
    }
    out.removeIf(List::isEmpty);
    return out;
  }
}
