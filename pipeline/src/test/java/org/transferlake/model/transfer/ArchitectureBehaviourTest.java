package org.transferlake.model.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.Learner;
import org.transferlake.model.learn.Prediction;
import org.transferlake.model.learn.forest.ForestLearner;
import org.transferlake.testing.MultiContextData;
import org.transferlake.testing.Synthetic;

/** Each architecture does what it is for, on synthetic contexts whose relations are known. */
class ArchitectureBehaviourTest {
  private static final Learner FOREST = ForestLearner.defaults().withTrees(60);
  private static final ContextSet SOURCE = MultiContextData.context("source", 2000, 0, (l, x) -> l, 0.05, 1);

  /** Test compositions the source has not measured, so every architecture must generalise. */
  private static ContextSet unseen(MultiContextData.Relation relation) {
    return MultiContextData.context("target", 400, 100_000, relation, 0.0, 3);
  }

  private static double mae(Architecture architecture, ContextSet train, ContextSet test, List<ContextSet> sources) {
    SourceModels models = SourceModels.of(sources, FOREST, 4, 11);
    TransferModel model = architecture.fit(new TransferData(train, sources), FOREST, models, 5);
    return Synthetic.mae(model.predict(test.keys(), test.x()).mean(0), test.y());
  }

  @Test
  void differenceBeatsNaiveUnionWhenTheSourceIsOffset() {
    MultiContextData.Relation offset = (l, x) -> l + 1.0;
    ContextSet train = MultiContextData.context("target", 80, 50_000, offset, 0.05, 2);
    ContextSet test = unseen(offset);
    double difference = mae(new Difference(true, false), train, test, List.of(SOURCE));
    double union = mae(NaiveUnion.plain(), train, test, List.of(SOURCE));
    double targetOnly = mae(new TargetOnly(), train, test, List.of(SOURCE));
    assertTrue(difference < 0.5 * union, "difference " + difference + " vs naive union " + union);
    assertTrue(difference < 0.7 * targetOnly, "difference " + difference + " vs target only " + targetOnly);
  }

  @Test
  void unionWithContextFlagsRecoversMuchOfTheOffset() {
    MultiContextData.Relation offset = (l, x) -> l + 1.0;
    ContextSet train = MultiContextData.context("target", 80, 50_000, offset, 0.05, 2);
    ContextSet test = unseen(offset);
    double flagged = mae(NaiveUnion.withContext(), train, test, List.of(SOURCE));
    double union = mae(NaiveUnion.plain(), train, test, List.of(SOURCE));
    assertTrue(flagged < 0.8 * union, "union_context " + flagged + " vs naive union " + union);
  }

  @Test
  void latentVariableRecoversATargetThatIsAFunctionOfTheSource() {
    MultiContextData.Relation curved = (l, x) -> 0.5 * l * l - l + 0.3;
    ContextSet train = MultiContextData.context("target", 80, 50_000, curved, 0.02, 4);
    ContextSet test = unseen(curved);
    double latent = mae(new LatentVariable(true, false), train, test, List.of(SOURCE));
    double targetOnly = mae(new TargetOnly(), train, test, List.of(SOURCE));
    assertTrue(latent < 0.6 * targetOnly, "latent variable " + latent + " vs target only " + targetOnly);
  }

  @Test
  void twoStagePredictsExactZerosWhereTheTargetIsZeroAndHelpsTheError() {
    // A gap-like target: 0 ("metal") where the latent value is low, the latent value plus 1 elsewhere.
    MultiContextData.Relation gap = (l, x) -> l < 1.2 ? 0 : l + 1.0;
    ContextSet train = MultiContextData.context("target", 300, 50_000, gap, 0.0, 2);
    ContextSet test = unseen(gap);
    SourceModels models = SourceModels.of(List.of(SOURCE), FOREST, 4, 11);
    Prediction twoStage = new TwoStage(new Difference(true, false), true, true).fit(new TransferData(train, List.of(SOURCE)), FOREST,
        models, 5).predict(test.keys(), test.x());
    int zeros = 0;
    int exact = 0;
    for (int i = 0; i < test.rows(); i++) {
      if (test.y()[i] == 0) {
        zeros++;
        exact += twoStage.mean(0)[i] == 0 ? 1 : 0;
      }
      assertTrue(twoStage.std(0)[i] > 0 && Double.isFinite(twoStage.std(0)[i]));
    }
    assertTrue(zeros > 50 && exact > 0.8 * zeros, exact + " of " + zeros + " zero targets predicted exactly 0");
    double two = Synthetic.mae(twoStage.mean(0), test.y());
    double plain = mae(new Difference(true, false), train, test, List.of(SOURCE));
    assertTrue(two < plain, "two-stage difference " + two + " vs difference " + plain);
  }

  /**
   * Whether a composition is a metal shows in its source value, not in its features (random here): the zero stage
   * finds the metals only when it sees the source value.
   */
  @Test
  void theZeroStageSeesTheSourceValue() {
    int n = 600;
    double[][] x = Synthetic.features(n, MultiContextData.FEATURES, 21);
    java.util.SplittableRandom random = new java.util.SplittableRandom(22);
    String[] keys = new String[n];
    double[] s = new double[n];
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      keys[i] = "c" + i;
      s[i] = 3 * random.nextDouble();
      t[i] = s[i] < 1 ? 0 : s[i] + 0.5;
    }
    ContextSet source = new ContextSet("source", Label.regression("source"), keys, x, s);
    ContextSet target = new ContextSet("target", Label.regression("target"), keys, x, t);
    int[] trainRows = java.util.stream.IntStream.range(0, 300).toArray();
    int[] testRows = java.util.stream.IntStream.range(300, n).toArray();
    ContextSet train = target.subset(trainRows);
    ContextSet test = target.subset(testRows);
    SourceModels models = SourceModels.of(List.of(source), FOREST, 4, 11);
    int[] found = new int[2];
    int zeros = 0;
    for (int sees = 0; sees < 2; sees++) {
      Prediction p = new TwoStage(new Difference(true, false), sees == 1, true)
          .fit(new TransferData(train, List.of(source)), FOREST, models, 5).predict(test.keys(), test.x());
      zeros = 0;
      for (int i = 0; i < test.rows(); i++) {
        if (test.y()[i] == 0) {
          zeros++;
          found[sees] += p.mean(0)[i] == 0 ? 1 : 0;
        }
        assertTrue(p.std(0)[i] > 0, "σ of row " + i);
      }
    }
    assertTrue(found[1] >= 0.95 * zeros, "seeing the source: " + found[1] + " of " + zeros + " metals at 0");
    assertTrue(found[0] <= 0.8 * zeros, "features alone: " + found[0] + " of " + zeros + " metals at 0");
  }

  /** The mixture's median, by hand: Φ⁻¹(0.375) = -0.318639. */
  @Test
  void twoStagePredictsTheMedianOfItsMixture() {
    assertEquals(1 + 0.5 * -0.3186393639643752, TwoStage.median(0.2, 1, 0.5), 1e-8);
    assertEquals(0, TwoStage.median(0.5, 1, 0.5), 0.0, "half the mass at 0: the median is 0");
    assertEquals(0, TwoStage.median(0.9, 1, 0.5), 0.0);
    assertEquals(1, TwoStage.median(0, 1, 0.5), 1e-12, "no mass at 0: stage two's median");
  }

  @Test
  void latentVariableErrorsCancelInADerivedQuantity() {
    // Two scarce targets that move with the same latent value; their difference is a constant 0.7.
    MultiContextData.Relation first = (l, x) -> 1.5 * l + 0.7;
    MultiContextData.Relation second = (l, x) -> 1.5 * l;
    ContextSet train1 = MultiContextData.context("t1", 80, 50_000, first, 0.02, 5);
    ContextSet train2 = MultiContextData.context("t2", 80, 60_000, second, 0.02, 6);
    ContextSet test = unseen(first);
    SourceModels models = SourceModels.of(List.of(SOURCE), FOREST, 4, 11);
    double latent = derivedError(new LatentVariable(true, false), train1, train2, test, models);
    double independent = derivedError(new TargetOnly(), train1, train2, test, models);
    assertTrue(latent < 0.6 * independent, "derived-quantity MAE: latent " + latent + " vs independent " + independent);
  }

  private static double derivedError(Architecture a, ContextSet t1, ContextSet t2, ContextSet test, SourceModels m) {
    double[] p1 = a.fit(new TransferData(t1, List.of(SOURCE)), FOREST, m, 7).predict(test.keys(), test.x()).mean(0);
    double[] p2 = a.fit(new TransferData(t2, List.of(SOURCE)), FOREST, m, 8).predict(test.keys(), test.x()).mean(0);
    double sum = 0;
    for (int i = 0; i < p1.length; i++) {
      sum += Math.abs((p1[i] - p2[i]) - 0.7);
    }
    return sum / p1.length;
  }

  @Test
  void multiTaskHelpsAScarceClassLabelWithAPlentifulRegressionLabel() {
    // The class is whether the latent value is high; 40 labelled rows, 2000 rows of the latent value itself.
    ContextSet trainNumbers = MultiContextData.context("latent", 40, 50_000, (l, x) -> l, 0.0, 9);
    double threshold = 1.3;
    Label cls = Label.classification("high", List.of("no", "yes"));
    ContextSet train = classes(trainNumbers, cls, threshold);
    ContextSet test = classes(MultiContextData.context("latent", 600, 100_000, (l, x) -> l, 0.0, 10), cls, threshold);
    double multi = accuracy(new MultiTask(), train, test);
    double alone = accuracy(new TargetOnly(), train, test);
    assertTrue(multi > alone + 0.03, "multi-task accuracy " + multi + " vs target only " + alone);
  }

  private static ContextSet classes(ContextSet numbers, Label label, double threshold) {
    double[] y = new double[numbers.rows()];
    for (int i = 0; i < y.length; i++) {
      y[i] = numbers.y()[i] > threshold ? 1 : 0;
    }
    return new ContextSet("class", label, numbers.keys(), numbers.x(), y);
  }

  private static double accuracy(Architecture a, ContextSet train, ContextSet test) {
    SourceModels models = SourceModels.of(List.of(SOURCE), FOREST, 0, 11);
    Prediction p = a.fit(new TransferData(train, List.of(SOURCE)), FOREST, models, 12).predict(test.keys(), test.x());
    int[] predicted = p.predictedClass(0);
    int correct = 0;
    for (int i = 0; i < predicted.length; i++) {
      correct += predicted[i] == (int) test.y()[i] ? 1 : 0;
    }
    return correct / (double) predicted.length;
  }

  @Test
  void differenceAddsTheVariancesOfItsStagesWhenAsked() {
    MultiContextData.Relation offset = (l, x) -> l + 1.0;
    ContextSet train = MultiContextData.context("target", 80, 50_000, offset, 0.05, 2);
    ContextSet test = unseen(offset);
    SourceModels models = SourceModels.of(List.of(SOURCE), FOREST, 4, 11);
    Prediction p = new Difference(true, true).fit(new TransferData(train, List.of(SOURCE)), FOREST, models, 5)
        .predict(test.keys(), test.x());
    SourceModels.Estimate s = models.estimate(0, test.keys(), test.x(), true);
    for (int i = 0; i < test.rows(); i++) {
      assertTrue(p.std(0)[i] >= s.std()[i], "the total spread includes the source model's");
    }
  }

  @Test
  void measuredSourceValuesAreUsedWhereTheCompositionHasOne() {
    ContextSet test = SOURCE.subset(new int[] {0, 1, 2});
    SourceModels models = SourceModels.of(List.of(SOURCE), FOREST, 4, 11);
    SourceModels.Estimate measured = models.estimate(0, test.keys(), test.x(), true);
    SourceModels.Estimate crossFitted = models.estimate(0, test.keys(), test.x(), false);
    for (int i = 0; i < 3; i++) {
      assertEquals(SOURCE.y()[i], measured.mean()[i]);
      assertEquals(0.0, measured.std()[i]);
      assertTrue(measured.measured()[i]);
      assertTrue(!crossFitted.measured()[i] && crossFitted.mean()[i] != SOURCE.y()[i],
          "cross-fitted: predicted by a model that never saw the composition");
    }
  }

  @Test
  void architecturesRefuseWhatTheyCannotDo() {
    Label cls = Label.classification("c", List.of("a", "b"));
    ContextSet classTarget = new ContextSet("c", cls, new String[] {"k"}, new double[][] {{0, 0, 0, 0, 0}},
        new double[] {1});
    SourceModels models = SourceModels.of(List.of(SOURCE), FOREST, 0, 1);
    assertThrows(IllegalArgumentException.class,
        () -> new Difference(true, false).fit(new TransferData(classTarget, List.of(SOURCE)), FOREST, models, 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NaiveUnion.plain().fit(new TransferData(classTarget, List.of(SOURCE)), FOREST, models, 1));
    assertTrue(e.getMessage().contains("not the same kind of value"), e.getMessage());
  }
}
