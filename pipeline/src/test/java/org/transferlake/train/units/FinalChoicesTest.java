package org.transferlake.train.units;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.transferlake.model.registry.FinalChoice;

class FinalChoicesTest {
  private static UnitScore score(String depth, int fold, int nTrain, double mae, Double inner) {
    WorkUnit unit = new WorkUnit("target_only", "forest", Map.of("max-depth", depth, "trees", "10"), "magpie", false,
        fold, nTrain, 0, 1L);
    return new UnitScore(unit, Map.of("mae", mae, "rmse", 2 * mae), inner);
  }

  /** A unit of an experiment that compares presets, at one grid point. */
  private static UnitScore preset(String features, int fold, double mae, double inner) {
    WorkUnit unit = new WorkUnit("target_only", "forest", Map.of("trees", "10"), features, true, fold, 0, 0, 1L);
    return new UnitScore(unit, Map.of("mae", mae, "rmse", 2 * mae), inner);
  }

  @Test
  void innerFoldsChooseAPresetAsTheyChooseHyperparameters() {
    // oliynyk has the better outer scores, magpie+oliynyk the better inner ones on two folds of three: inner wins
    List<UnitScore> units = List.of(preset("oliynyk", 0, 0.1, 0.50), preset("magpie+oliynyk", 0, 0.9, 0.40),
        preset("oliynyk", 1, 0.1, 0.30), preset("magpie+oliynyk", 1, 0.9, 0.35),
        preset("oliynyk", 2, 0.1, 0.60), preset("magpie+oliynyk", 2, 0.9, 0.20));
    assertEquals("features=magpie+oliynyk,trees=10", units.get(1).unit().paramsText());
    assertEquals("target_only|forest|features=oliynyk,trees=10|f0|n0|r0", units.get(0).unit().id());
    FinalChoice c = FinalChoices.choose(units, false).get(0);
    assertEquals("inner_cv", c.selectedBy());
    assertEquals("magpie+oliynyk", c.features());
    assertEquals(Map.of("trees", "10"), c.params(), "the learner's hyperparameters, without the preset");
    assertEquals((0.9 + 0.1 + 0.9) / 3, c.cvScore(), 1e-12, "each fold's own choice, scored outside");

    FinalChoice outer = FinalChoices.choose(units.stream().map(u -> new UnitScore(u.unit(), u.metrics(), null))
        .toList(), false).get(0);
    assertEquals("outer_cv", outer.selectedBy());
    assertEquals("oliynyk", outer.features());
  }

  @Test
  void aSinglePresetLeavesParamsAndIdsAsTheyWere() {
    WorkUnit unit = score("5", 1, 0, 1.0, null).unit();
    assertEquals("max-depth=5,trees=10", unit.paramsText());
    assertEquals("target_only|forest|max-depth=5,trees=10|f1|n0|r0", unit.id());
    assertEquals("magpie", FinalChoices.choose(List.of(score("5", 0, 0, 1.0, null)), false).get(0).features());
  }

  @Test
  void oneGridPointIsTheOnlyCandidateAndPartialTrainingSetsDoNotCount() {
    List<FinalChoice> choices = FinalChoices.choose(List.of(score("5", 0, 0, 1.0, null), score("5", 1, 0, 3.0, null),
        score("9", 0, 50, 0.1, null)), false);
    assertEquals(1, choices.size());
    FinalChoice c = choices.get(0);
    assertEquals("only_candidate", c.selectedBy());
    assertEquals("max-depth=5,trees=10", c.paramsText());
    assertEquals(2.0, c.cvScore(), 1e-12);
    assertEquals(Math.sqrt(2), c.cvScoreSd(), 1e-12);
    assertEquals(4.0, c.cvRmse(), 1e-12);
    assertEquals(2, c.cvFolds());
  }

  @Test
  void withoutInnerScoresTheBestMeanOuterScoreWins() {
    FinalChoice c = FinalChoices.choose(List.of(score("5", 0, 0, 1.0, null), score("9", 0, 0, 0.5, null)), false)
        .get(0);
    assertEquals("outer_cv", c.selectedBy());
    assertEquals(Map.of("max-depth", "9", "trees", "10"), c.params());
  }

  @Test
  void innerScoresVotePerFold() {
    FinalChoice c = FinalChoices.choose(List.of(score("5", 0, 0, 1.0, 0.2), score("9", 0, 0, 0.5, 0.3),
        score("5", 1, 0, 3.0, 0.2), score("9", 1, 0, 0.1, 0.4)), false).get(0);
    assertEquals("inner_cv", c.selectedBy());
    assertEquals("max-depth=5,trees=10", c.paramsText());
    assertEquals("mae", c.cvMetric());
    assertEquals(2.0, c.cvMae(), 1e-12);
  }
}
