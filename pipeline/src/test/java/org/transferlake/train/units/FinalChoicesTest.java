package org.transferlake.train.units;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.transferlake.model.registry.FinalChoice;

class FinalChoicesTest {
  private static UnitScore score(String depth, int fold, int nTrain, double mae, Double inner) {
    WorkUnit unit = new WorkUnit("target_only", "forest", Map.of("max-depth", depth, "trees", "10"), fold, nTrain, 0,
        1L);
    return new UnitScore(unit, Map.of("mae", mae, "rmse", 2 * mae), inner);
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
