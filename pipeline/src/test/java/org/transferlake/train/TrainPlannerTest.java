package org.transferlake.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.transferlake.model.components.Components;
import org.transferlake.model.learn.ValueRange;
import org.transferlake.model.transfer.ContextSet;
import org.transferlake.model.transfer.SourceLearners;
import org.transferlake.testing.MultiContextData;
import org.transferlake.train.data.ExperimentData;
import org.transferlake.train.experiment.ExperimentCatalog;
import org.transferlake.train.experiment.ExperimentDefinition;
import org.transferlake.train.units.MeasuredCosts;

/** The dry run's estimate by phase, from synthetic data: no Spark, no timing. */
class TrainPlannerTest {
  private static final ContextSet SOURCE = MultiContextData.context("source", 5_000, 0, (l, x) -> l, 0.05, 1);
  private static final ContextSet TARGET = MultiContextData.context("target", 1_000, 0, (l, x) -> l + 1, 0.1, 2);

  private static ExperimentDefinition experiment(String architectures, String options) {
    return ExperimentCatalog.parse("""
        name = small
        target = "band_gap/experiment/small"
        sources = [ { context = "band_gap/pbe/small" } ]
        features = magpie
        architectures = [%s]
        learners = [ { name = forest, grid { trees = [50, 100] } } ]
        cv { folds = 5 }
        seed = 7
        options { %s, source-learner { name = forest, trees = 30 } }
        """.formatted(architectures, options), "test");
  }

  private static ExperimentData data() {
    int[] folds = new int[TARGET.rows()];
    for (int i = 0; i < folds.length; i++) {
      folds[i] = i % 5;
    }
    return new ExperimentData(TARGET.label(), TARGET.keys(), TARGET.x(), TARGET.y(), new String[folds.length],
        new long[folds.length], folds, List.of(SOURCE), "band_gap/experiment/small", List.of("f0"), ValueRange.ANY);
  }

  private static RunEstimate estimate(ExperimentDefinition e, int cores) {
    SourceLearners learners = SourceLearners.only(Components.learner("forest").create(e.sourceParams(), 0));
    return TrainPlanner.plan(e, data(), new TrainPlanner.Setup(cores, 200, learners, MeasuredCosts.declared()))
        .estimate();
  }

  @Test
  void theSourceModelsAreCountedWhereAnArchitectureNeedsThem() {
    RunEstimate measured = estimate(experiment("target_only, difference", "use-measured = true"), 1);
    RunEstimate crossFit = estimate(experiment("target_only, difference", "use-measured = false, cross-fit-folds = 5"),
        1);

    assertEquals(0, estimate(experiment("target_only", "use-measured = true"), 1).sources(), "no stage-one model");
    double full = Components.learner("forest").fitSeconds(experiment("difference", "use-measured = true")
        .sourceParams(), SOURCE.rows());
    assertEquals(full * RunCosts.SOURCE_LOCAL_FACTOR, measured.sources(), 1e-9, "one model on the source's rows");
    assertTrue(crossFit.sources() > 4.5 * full, "and five cross-fitted ones on 4/5 of them: " + crossFit.sources());
    double targetOnly = estimate(experiment("target_only", "use-measured = true"), 1).finals();
    assertEquals((1 + 1.2) * targetOnly + full * RunCosts.SAVE_PER_SOURCE_SECOND, measured.finals(), 1e-9,
        "difference's final model (1.2 times target_only's) is saved with the source model");
  }

  @Test
  void theCoresDivideTheParallelPhasesOnly() {
    ExperimentDefinition e = experiment("target_only, difference", "use-measured = true");
    RunEstimate one = estimate(e, 1);
    RunEstimate two = estimate(e, 2);

    assertEquals(one.units() / 2, two.units(), 1e-9, "20 forest units");
    assertEquals(one.sources() / 2, two.sources(), 1e-9);
    assertTrue(two.finals() < one.finals(), "two final models side by side, then saved one after the other");
    assertEquals(one.start(), two.start());
    assertEquals(one.publishing(), two.publishing());
    assertEquals(two.start() + two.sources() + two.units() + two.finals() + two.publishing(), two.seconds(), 1e-9);
    assertEquals("from the built-in constants", two.costs());
  }

  @Test
  void mlpUnitsTrainInTurnWhateverTheCores() {
    ExperimentDefinition e = ExperimentCatalog.parse("""
        name = small
        target = "band_gap/experiment/small"
        features = magpie
        architectures = [target_only]
        learners = [ { name = mlp, grid { max-epochs = [10], ensemble = [1] } } ]
        cv { folds = 5 }
        seed = 7
        """, "test");
    SourceLearners learners = SourceLearners.only(Components.learner("forest").create(e.sourceParams(), 0));
    TrainPlanner.Plan plan = TrainPlanner.plan(e, data(), new TrainPlanner.Setup(2, 200, learners,
        MeasuredCosts.declared()));
    TrainPlanner.Plan oneCore = TrainPlanner.plan(e, data(), new TrainPlanner.Setup(1, 200, learners,
        MeasuredCosts.declared()));

    assertEquals(oneCore.estimate().units(), plan.estimate().units(), 1e-9, "PyTorch's training lock");
  }
}
