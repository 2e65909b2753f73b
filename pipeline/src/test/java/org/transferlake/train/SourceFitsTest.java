package org.transferlake.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.transferlake.model.learn.forest.ForestLearner;
import org.transferlake.model.transfer.ContextSet;
import org.transferlake.model.transfer.SourceEstimator;
import org.transferlake.model.transfer.SourceLearners;
import org.transferlake.model.transfer.SourceModels;
import org.transferlake.testing.MultiContextData;
import org.transferlake.testing.TestSpark;

/** Source models fitted side by side in Spark tasks are the models fitted one after another where first needed. */
class SourceFitsTest {
  private static final List<ContextSet> SOURCES = List.of(
      MultiContextData.context("big", 300, 0, (l, x) -> l, 0.05, 1),
      MultiContextData.context("small", 120, 200, (l, x) -> 2 * l, 0.05, 2));
  // above 250 rows the "distributed" learner, fitted on the driver: here a forest too, so that the test is quick
  private static final SourceLearners LEARNERS = new SourceLearners(ForestLearner.defaults().withTrees(8).withThreads(0),
      ForestLearner.defaults().withTrees(5).withThreads(0), 250);
  // measured by both sources, by one, and by neither
  private static final ContextSet TARGET = MultiContextData.context("target", 150, 180, (l, x) -> l, 0.0, 3);

  @Test
  void parallelFitsGiveTheSameEstimatesAsSequentialOnes() {
    SourceModels sequential = SourceModels.of(SOURCES, LEARNERS, 3, 7);
    SourceModels parallel = SourceModels.of(SOURCES, LEARNERS, 3, 7);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext());

    SourceFits.fit(jsc, Map.of("magpie", parallel), Map.of("magpie", TARGET.keys()), false);

    List<SourceModels.Slot> needed = parallel.needed(TARGET.keys(), false);
    assertTrue(needed.size() > SOURCES.size(), "cross-fitted models too: " + needed);
    assertTrue(needed.stream().anyMatch(parallel::distributed) && !needed.stream().allMatch(parallel::distributed),
        "some on the driver, some in tasks");
    needed.forEach(slot -> assertTrue(parallel.has(slot), "installed before any estimate: " + slot));
    for (int i = 0; i < SOURCES.size(); i++) {
      for (boolean useMeasured : new boolean[] {false, true}) {
        SourceEstimator.Estimate expected = sequential.estimate(i, TARGET.keys(), TARGET.x(), useMeasured);
        SourceEstimator.Estimate actual = parallel.estimate(i, TARGET.keys(), TARGET.x(), useMeasured);
        assertArrayEquals(expected.mean(), actual.mean(), 0.0, "source " + i + " means");
        assertArrayEquals(expected.std(), actual.std(), 0.0, "source " + i + " standard deviations");
      }
    }
  }

  @Test
  void aTaskGetsThreadsByItsShareOfTheWork() {
    assertArrayEquals(new int[] {2, 1, 1, 1, 1}, SourceFits.threads(new double[] {80, 5, 5, 5, 5}, 2, 2),
        "most of the work: every core, so that it does not end alone on one");
    assertArrayEquals(new int[] {1, 1, 1}, SourceFits.threads(new double[] {1, 1, 1}, 2, 2), "more tasks than cores");
    assertArrayEquals(new int[] {2, 2}, SourceFits.threads(new double[] {1, 1}, 4, 4), "fewer tasks than cores");
    assertArrayEquals(new int[] {2}, SourceFits.threads(new double[] {3}, 2, 2), "one source on local[2]");
    assertArrayEquals(new int[] {4}, SourceFits.threads(new double[] {3}, 16, 4), "at most one executor's cores");
  }
}
