package org.transferlake.train.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.transferlake.train.experiment.ExperimentCatalog;
import org.transferlake.train.experiment.ExperimentDefinition;

/** Rung budgets, promotions and the rungs a halving search plans: pure functions, no Spark. */
class SuccessiveHalvingTest {
  private static final ExperimentDefinition EXPERIMENT = ExperimentCatalog.parse("""
      name = small
      target = "band_gap/experiment/small"
      sources = [ { context = "band_gap/pbe/small" } ]
      features = magpie
      architectures = [target_only, source_only]
      learners = [
        { name = forest, search = halving, samples = 27, grid { trees = 200, max-features = { uniform = [0.2, 1] },
          min-leaf = { int-uniform = [1, 20] } } }
        { name = mllib_linear, grid { reg-param = [0, 0.1] } }
      ]
      cv { folds = 2 }
      inner-folds = 3
      seed = 7
      """, "test");

  @Test
  void rungsLeaveAboutEtaCandidatesForTheFullBudgetUnlessMinResourceSaysOtherwise() {
    assertEquals(2, RungSchedule.of(3, 0, 27).rungs(), "27 -> 9 -> 3 at the full budget");
    assertEquals(1, RungSchedule.of(3, 0, 9).rungs(), "9 -> 3");
    assertEquals(1, RungSchedule.of(3, 0, 4).rungs(), "at least one rung");
    assertEquals(3, RungSchedule.of(2, 0, 16).rungs(), "16 -> 8 -> 4 -> 2");
    assertEquals(3, RungSchedule.of(3, 1 / 27.0, 9).rungs());
    assertEquals(2, RungSchedule.of(3, 0.1, 9).rungs(), "1/10 rounds to 1/9");
  }

  @Test
  void rungBudgetsAreTheFullBudgetTimesEtaToTheRungsLeftRoundedUpAndNeverBelowTheMinimum() {
    RungSchedule s = new RungSchedule(3, 2);
    assertEquals(1 / 9.0, s.share(0), 1e-12);
    assertEquals(1 / 3.0, s.share(1), 1e-12);
    assertEquals(23, s.budget(200, 0, 2), "⌈200/9⌉");
    assertEquals(67, s.budget(200, 1, 2), "⌈200/3⌉");
    assertEquals(2, s.budget(10, 0, 2), "⌈10/9⌉ = 2, the forest's minimum");
    assertEquals(4, new RungSchedule(3, 1).budget(10, 0, 2));
    assertEquals(3, s.kept(9));
    assertEquals(4, s.kept(10));
    assertEquals(1, s.kept(1));
  }

  @Test
  void aRungCutsTheLearnersBudgetOrElseItsRows() {
    WorkUnit forest = new WorkUnit("target_only", "forest", Map.of("trees", "200", "min-leaf", "3"), "magpie", false,
        1, 0, 0, 5);
    RungUnit rung = RungUnit.of(forest, 0, new RungSchedule(3, 2));
    assertEquals(Map.of("trees", "23", "min-leaf", "3"), rung.params());
    assertEquals("trees=23", rung.budget());
    assertEquals(1.0, rung.rowShare());
    assertEquals(forest.id() + "|rung0", rung.id());
    RungUnit byDefault = RungUnit.of(new WorkUnit("target_only", "mlp", Map.of(), "magpie", false, 1, 0, 0, 5), 1,
        new RungSchedule(3, 2));
    assertEquals("max-epochs=100", byDefault.budget(), "⌈300/3⌉ from the default of 300");
    RungUnit rows = RungUnit.of(new WorkUnit("target_only", "mllib_linear", Map.of(), "magpie", false, 1, 0, 0, 5),
        0, new RungSchedule(3, 2));
    assertEquals("rows=0.1111", rows.budget());
    assertEquals(1 / 9.0, rows.rowShare(), 1e-12);
    assertEquals(Map.of(), rows.params());
  }

  @Test
  void rungZeroCostsAtMostOneEtaOfAFullFitPerCandidate() {
    UnitCost cost = new UnitCost(4000, 0, 1, 0, 3);
    WorkUnit full = new WorkUnit("target_only", "forest", Map.of("trees", "200"), "magpie", false, 0, 0, 0, 1);
    double innerFits = cost.seconds(full) * 2 / 3; // of a unit's 1 + 2 fits' worth, the inner ones
    for (int rungs = 1; rungs <= 3; rungs++) {
      assertTrue(cost.seconds(RungUnit.of(full, 0, new RungSchedule(3, rungs))) <= innerFits / 3 * 1.02, "rungs "
          + rungs);
    }
  }

  @Test
  void theBestOfARungGoOnTiesToTheLowerParamsAndUnscoredLast() {
    List<WorkUnit> candidates = new ArrayList<>();
    for (String leaf : List.of("1", "2", "3", "4", "5")) {
      candidates.add(new WorkUnit("target_only", "forest", Map.of("min-leaf", leaf), "magpie", false, 0, 0, 0, 1));
    }
    Map<String, Double> scores = new HashMap<>();
    scores.put(candidates.get(4).id(), 0.3);
    scores.put(candidates.get(2).id(), 0.3);
    scores.put(candidates.get(0).id(), 0.5);
    scores.put(candidates.get(1).id(), Double.NaN);
    assertEquals(List.of(candidates.get(2), candidates.get(4)), SuccessiveHalving.promoted(candidates, scores, 2));
    assertEquals(List.of(candidates.get(2), candidates.get(4), candidates.get(0), candidates.get(3),
        candidates.get(1)), SuccessiveHalving.promoted(candidates, scores, 9), "unscored last, a failed score after");
  }

  @Test
  void aHalvingSearchScoresEveryCandidateAtRungZeroAndTrainsOnlyTheLastRungsSurvivors() {
    List<WorkUnit> expanded = UnitPlan.expand(EXPERIMENT, 2);
    List<Integer> rungSizes = new ArrayList<>();
    // scores from the params alone: the lower min-leaf, the better
    SuccessiveHalving.Outcome outcome = SuccessiveHalving.run(EXPERIMENT, expanded, (rung, units) -> {
      rungSizes.add(units.size());
      Map<String, Double> scores = new HashMap<>();
      units.forEach(u -> scores.put(u.candidate().id(), Double.parseDouble(u.candidate().params().get("min-leaf"))
          + Double.parseDouble(u.candidate().params().get("max-features"))));
      assertTrue(units.stream().allMatch(u -> u.candidate().learner().equals("forest")
          && u.candidate().architecture().equals("target_only")), "only halved units have rungs");
      assertTrue(units.stream().allMatch(u -> u.rung() == rung));
      return scores;
    });
    assertEquals(List.of(2 * 27, 2 * 9), rungSizes, "two folds' groups: 27 at rung 0, 9 at rung 1");
    assertEquals(2 * 27 + 2 * 9, outcome.rungUnits().size());
    List<WorkUnit> forest = outcome.units().stream().filter(u -> u.learner().equals("forest")
        && u.architecture().equals("target_only")).toList();
    assertEquals(2 * 3, forest.size(), "3 survivors per fold");
    for (int fold = 0; fold < 2; fold++) {
      int f = fold;
      List<WorkUnit> group = expanded.stream().filter(u -> u.learner().equals("forest") && u.fold() == f
          && u.architecture().equals("target_only")).sorted(java.util.Comparator.comparingDouble((WorkUnit u) ->
              Double.parseDouble(u.params().get("min-leaf")) + Double.parseDouble(u.params().get("max-features")))
          .thenComparing(WorkUnit::paramsText)).toList();
      assertEquals(group.subList(0, 3), forest.stream().filter(u -> u.fold() == f).sorted(java.util.Comparator
          .comparingDouble((WorkUnit u) -> Double.parseDouble(u.params().get("min-leaf"))
              + Double.parseDouble(u.params().get("max-features"))).thenComparing(WorkUnit::paramsText)).toList());
    }
    assertEquals(expanded.stream().filter(u -> !u.learner().equals("forest") || !u.architecture().equals(
        "target_only")).toList(), outcome.units().stream().filter(u -> !forest.contains(u)).toList(),
        "every other unit as expanded: source_only once per learner, mllib_linear's grid in full");
  }
}
