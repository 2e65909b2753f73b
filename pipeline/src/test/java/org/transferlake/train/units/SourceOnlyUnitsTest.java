package org.transferlake.train.units;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.transferlake.model.components.Components;
import org.transferlake.model.registry.FinalChoice;
import org.transferlake.model.registry.FinalFit;
import org.transferlake.model.registry.TransferArtifact;
import org.transferlake.model.transfer.ContextSet;
import org.transferlake.model.transfer.SourceModels;
import org.transferlake.testing.MultiContextData;
import org.transferlake.testing.OxideData;
import org.transferlake.train.data.ExperimentData;
import org.transferlake.train.experiment.ExperimentCatalog;
import org.transferlake.train.experiment.ExperimentDefinition;

/**
 * source_only through the units of an experiment: one unit per learner and fold, scored like any other, and a
 * final model that registers and predicts as the units did, though nothing was fitted on target rows.
 */
class SourceOnlyUnitsTest {
  private static final ExperimentDefinition EXPERIMENT = ExperimentCatalog.parse("""
      name = small
      target = "band_gap/experiment/small"
      sources = [ { context = "band_gap/pbe/small" } ]
      features = magpie
      architectures = [target_only, source_only]
      learners = [ { name = forest, grid { trees = [4, 8] } } ]
      cv { folds = 2 }
      inner-folds = 2
      seed = 7
      options { use-measured = true, source-learner { name = forest, trees = 10 } }
      """, "test");
  /** 300 iron oxides; the target has the first 100 again, 1 above the source, and 100 manganese oxides. */
  private static final ContextSet SOURCE = OxideData.oxides(MultiContextData.context("source", 300, 0, (l, x) -> l,
      0.05, 1));

  private static ExperimentData data() {
    return OxideData.twoFolds(SOURCE, 1);
  }

  @Test
  void itsUnitsScoreItAndItsFinalModelRegistersWithTheSourceModelsProvenance() throws Exception {
    ExperimentData data = data();
    SourceModels sources = SourceModels.of(data.sources(), Components.learner("forest").create(EXPERIMENT
        .sourceParams(), 0), 0, EXPERIMENT.seed());
    UnitRunner runner = new UnitRunner(EXPERIMENT, data, sources);
    List<WorkUnit> units = UnitPlan.expand(EXPERIMENT, 2).stream()
        .filter(u -> u.architecture().equals("source_only")).toList();
    assertEquals(2, units.size(), "one per fold: the grid's two points would give the same unit");
    UnitResult result = runner.run(units.get(0));
    assertEquals(100, result.nTest());
    assertTrue(result.innerScore() > 0.5 && result.innerScore() < 1.5, "the offset of 1 it did not learn: "
        + result.innerScore());
    assertTrue(result.metrics().get("within_1sd") > 0.5, "σ covers the offset: " + result.metrics());

    FinalFit fit = runner.fitFinal(new FinalChoice("source_only", "forest", Map.of(), "magpie", "only_candidate", "mae",
        1.0, Double.NaN, 1.0, 1.1, 2), Map.of("experiment", "small"));
    assertEquals(sources.model(0).provenance(), fit.provenance(), "its predictions come from the source model");
    TransferArtifact artifact = TransferArtifact.fromBytes(fit.artifact(), "source_only__forest.tlm");
    assertEquals("source_only", artifact.about().get("architecture"));
    ContextSet test = data.targetSet(result.testRows());
    assertArrayEquals(result.mean(), artifact.model().predict(test.keys(), test.x()).mean(0), 0.0,
        "the registered model predicts the source value, as the units did");
  }
}
