package org.transferlake.train.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.transferlake.config.SettingsException;

/** search = halving and sampled ranges in experiment files: read, defaulted, and refused with the key and fix. */
class HalvingSchemaTest {
  private static final String FOREST = "{ name = forest, search = halving, samples = 9, grid { trees = 50,"
      + " max-features = { uniform = [0.2, 1.0] }, min-leaf = { int-uniform = [1, 5] } } }";

  private static String experiment(String learner, String innerFolds) {
    return """
        name = small
        target = "band_gap/experiment/small"
        features = magpie
        architectures = [target_only]
        learners = [ %s ]
        cv { folds = 2 }
        inner-folds = %s
        """.formatted(learner, innerFolds);
  }

  private static String refusal(String learner) {
    return assertThrows(SettingsException.class, () -> ExperimentCatalog.parse(experiment(learner, "3"), "x.conf"))
        .getMessage();
  }

  @Test
  void aHalvingLearnerTakesItsSettingsAndTheirDefaults() {
    LearnerSpec spec = ExperimentCatalog.parse(experiment(FOREST, "3"), "x.conf").learners().get(0);
    assertEquals(true, spec.halving());
    assertEquals(3, spec.eta(), "the schema's default");
    assertEquals(0.0, spec.minResource(), "derived");
    assertEquals(9, spec.points(1).size());
    assertEquals(Map.of("trees", List.of("50")), spec.grid());
    LearnerSpec set = ExperimentCatalog.parse(experiment(FOREST.replace("samples = 9", "samples = 9, eta = 2,"
        + " min-resource = 0.25"), "3"), "x.conf").learners().get(0);
    assertEquals(List.of(2, 0.25), List.of(set.eta(), set.minResource()));
    LearnerSpec wholeGrid = ExperimentCatalog.parse(experiment("{ name = forest, search = halving, grid {"
        + " min-leaf = [1, 3, 5, 10] } }", "3"), "x.conf").learners().get(0);
    assertEquals(4, wholeGrid.points(1).size(), "samples = 0: every grid point");
  }

  @Test
  void halvingSettingsOutOfRangeOrWithoutHalvingAreRefusedWithTheFix() {
    assertEquals("x.conf: learners[0].eta: 1: expected 2 or more (each rung keeps the best 1/eta of its candidates)",
        refusal(FOREST.replace("samples = 9", "samples = 9, eta = 1")));
    assertEquals("x.conf: learners[0].min-resource: 0.5: expected a share of the full budget in (0, 1/eta] (eta = 3:"
        + " at most 0.3333), such as 0.1111",
        refusal(FOREST.replace("samples = 9", "samples = 9, min-resource = 0.5")));
    assertEquals("x.conf: learners[0].eta: applies to search = halving only; remove it or set search = halving",
        refusal("{ name = forest, eta = 2, grid { trees = [4, 8] } }"));
    assertEquals("x.conf: learners[0].search: succesive: expected grid, random or halving",
        refusal("{ name = forest, search = succesive, grid { trees = [4, 8] } }"));
    assertEquals("x.conf: learners[0].samples: halving narrows 2 or more candidates, this grid gives 1: list more"
        + " values, draw from a range, or set search = grid", refusal("{ name = forest, search = halving }"));
    assertEquals("x.conf: inner-folds: 0: learners[0] searches by halving, which scores candidates on inner folds;"
        + " set inner-folds = 2 or more", assertThrows(SettingsException.class,
            () -> ExperimentCatalog.parse(experiment(FOREST, "0"), "x.conf")).getMessage());
  }

  @Test
  void malformedRangesAreRefusedAtTheirKey() {
    assertEquals("x.conf: learners[0].grid.min-leaf: a range is drawn from, not gridded: set search = random or"
        + " halving with samples, or list the values",
        refusal("{ name = forest, grid { min-leaf = { int-uniform = [1, 5] } } }"));
    assertEquals("x.conf: learners[0].samples: 0: a range in the grid (min-leaf) is sampled: set samples = 1 or"
        + " more", refusal("{ name = forest, search = halving, grid { min-leaf = { int-uniform = [1, 5] } } }"));
    assertEquals("x.conf: learners[0].grid.max-features: 1.5: expected a fraction in (0, 1]",
        refusal(FOREST.replace("[0.2, 1.0]", "[0.2, 1.5]")));
    assertEquals("x.conf: learners[0].grid.max-features: [0.0, 0.5]: a log-uniform range needs low > 0",
        refusal(FOREST.replace("uniform = [0.2, 1.0]", "log-uniform = [0, 0.5]")));
    assertEquals("x.conf: learners[0].grid.min-leaf: int-uniformm: unknown range; expected a list of values or one"
        + " range: { uniform = [0.2, 1.0] }, { log-uniform = [0.0003, 0.01] } or { int-uniform = [1, 5] }",
        refusal(FOREST.replace("int-uniform", "int-uniformm")));
  }
}
