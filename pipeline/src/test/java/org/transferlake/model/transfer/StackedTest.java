package org.transferlake.model.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.transferlake.model.components.Components;
import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.Learner;
import org.transferlake.model.learn.Prediction;
import org.transferlake.model.learn.forest.ForestLearner;
import org.transferlake.testing.MultiContextData;
import org.transferlake.testing.Synthetic;

/**
 * stacked_difference on synthetic contexts: the target is its source plus a correction, 0.6 sin(4 pi x3), under
 * noise of 0.3 that hides it from a few rows: with few rows the source alone is the best guess, with many the
 * difference is.
 */
class StackedTest {
  private static final Learner FOREST = ForestLearner.defaults().withTrees(40);
  private static final ContextSet SOURCE = MultiContextData.context("source", 1500, 0, (l, x) -> l, 0.05, 1);
  private static final MultiContextData.Relation CORRECTED = (l, x) -> l + 0.6 * Math.sin(4 * Math.PI * x[3]);
  private static final ArchitectureSettings SETTINGS = new ArchitectureSettings(true, false);

  private static ContextSet train(int rows) {
    return MultiContextData.context("target", rows, 50_000, CORRECTED, 0.3, 2);
  }

  private static TransferModel fit(ContextSet train, long seed) {
    SourceModels sources = SourceModels.of(List.of(SOURCE), FOREST, 4, 11);
    return new Stacked(Difference.COMPONENT, SETTINGS).fit(new TransferData(train, List.of(SOURCE)), FOREST, sources,
        seed);
  }

  private static Map<String, Double> weights(TransferModel model) {
    List<String> names = List.of("difference", "target_only", "source_only");
    double[] w = Stacked.parseWeights(model.options().get(Stacked.WEIGHTS), names);
    Map<String, Double> out = new HashMap<>();
    for (int j = 0; j < w.length; j++) {
      out.put(names.get(j), w[j]);
    }
    return out;
  }

  @Test
  void withFewRowsTheWeightGoesToTheSourceAndWithManyToTheDifference() {
    Map<String, Double> few = weights(fit(train(15), 5));
    Map<String, Double> many = weights(fit(train(400), 5));
    assertTrue(few.get("source_only") > 0.8, "15 rows: " + few);
    assertTrue(many.get("difference") > 0.75, "400 rows: " + many);
  }

  @Test
  void manyRowsScoreAtLeastAsWellAsTheBestMemberWithHonestSigma() {
    ContextSet train = train(400);
    ContextSet test = MultiContextData.context("target", 400, 100_000, CORRECTED, 0.3, 3);
    SourceModels sources = SourceModels.of(List.of(SOURCE), FOREST, 4, 11);
    TransferData data = new TransferData(train, List.of(SOURCE));
    Prediction stacked = fit(train, 5).predict(test.keys(), test.x());
    double difference = Synthetic.mae(new Difference(true, false).fit(data, FOREST, sources, 5)
        .predict(test.keys(), test.x()).mean(0), test.y());
    double sourceOnly = Synthetic.mae(new SourceOnly(true).fit(data, FOREST, sources, 5)
        .predict(test.keys(), test.x()).mean(0), test.y());
    double mae = Synthetic.mae(stacked.mean(0), test.y());
    assertTrue(mae <= 1.03 * Math.min(difference, sourceOnly), "stacked " + mae + ", difference " + difference
        + ", source_only " + sourceOnly);
    int within = 0;
    for (int i = 0; i < test.rows(); i++) {
      assertTrue(stacked.std(0)[i] > 0);
      within += Math.abs(stacked.mean(0)[i] - test.y()[i]) <= stacked.std(0)[i] ? 1 : 0;
    }
    assertEquals(0.68, within / (double) test.rows(), 0.1, "share of test rows within 1σ");
  }

  @Test
  void tooFewCompositionsForTheFoldsTakeTheSourceAloneAndFitNothing() {
    TransferModel model = fit(train(5), 5);
    assertEquals(Map.of("difference", 0.0, "target_only", 0.0, "source_only", 1.0), weights(model));
    assertTrue(model.models().isEmpty());
    ContextSet test = MultiContextData.context("target", 20, 100_000, CORRECTED, 0.3, 3);
    SourceModels sources = SourceModels.of(List.of(SOURCE), FOREST, 4, 11);
    Prediction alone = new SourceOnly(true).fit(new TransferData(train(5), List.of(SOURCE)), FOREST, sources, 5)
        .predict(test.keys(), test.x());
    Prediction stacked = model.predict(test.keys(), test.x());
    assertArrayEquals(alone.mean(0), stacked.mean(0), 0.0);
    assertArrayEquals(alone.std(0), stacked.std(0), 0.0);
  }

  @Test
  void theSameSeedGivesTheSameModel() {
    ContextSet train = train(60);
    ContextSet test = MultiContextData.context("target", 50, 100_000, CORRECTED, 0.3, 3);
    TransferModel a = fit(train, 9);
    TransferModel b = fit(train, 9);
    assertEquals(a.options(), b.options());
    assertArrayEquals(a.predict(test.keys(), test.x()).mean(0), b.predict(test.keys(), test.x()).mean(0), 0.0);
    assertArrayEquals(a.predict(test.keys(), test.x()).std(0), b.predict(test.keys(), test.x()).std(0), 0.0);
    assertNotEquals(a.options().get(Stacked.FITTED_WEIGHTS), fit(train, 10).options().get(Stacked.FITTED_WEIGHTS),
        "other folds, other weights");
  }

  @Test
  void weightsAreUsedOnlyWhereTheyBeatTheSourceByAStandardError() {
    double[] y = {0, 0, 0, 0};
    double[] source = {1, 1, 1, 1};
    // paired differences |y - source| - |y - stacked|: all 1, no spread
    assertTrue(Stacked.beatsSource(y, source, new double[] {0, 0, 0, 0}));
    // 2, 0, 2, 0: mean 1, standard error sqrt(4/3)/2 = 0.577
    assertTrue(Stacked.beatsSource(y, new double[] {2, 1, 2, 1}, new double[] {0, 1, 0, 1}));
    // 3, 0, 0, 0: mean 0.75, standard deviation sqrt(6.75/3) = 1.5, standard error 0.75: not above it
    assertFalse(Stacked.beatsSource(new double[] {0, 0, 0, 0}, new double[] {3, 1, 1, 1}, new double[] {0, 1, 1, 1}));
    // 1, -1, 1, -1: mean 0
    assertFalse(Stacked.beatsSource(y, source, new double[] {0, 2, 0, 2}));
    assertFalse(Stacked.beatsSource(new double[] {0}, new double[] {1}, new double[] {0}), "one row shows nothing");
  }

  @Test
  void foldsKeepACompositionOnOneSideAndDoNotDependOnRowOrder() {
    String[] keys = {"b", "a", "c", "a", "d", "e", "f", "b"};
    int[] folds = OutOfFold.foldsByKey(keys, 3, 4);
    assertEquals(folds[1], folds[3]);
    assertEquals(folds[0], folds[7]);
    int[] reversed = OutOfFold.foldsByKey(new String[] {"b", "f", "e", "d", "a", "c", "a", "b"}, 3, 4);
    assertEquals(folds[5], reversed[2], "e");
    assertEquals(folds[2], reversed[5], "c");
  }

  @Test
  void isRegisteredAsAWrapperOfAnyArchitectureWithItsCost() {
    ArchitectureComponent stacked = Components.architecture("stacked_difference");
    assertEquals(3 * (1.2 + 1.0 + 0.01), stacked.costFactor(), 1e-12);
    assertTrue(stacked.needs().takes(1, true) && !stacked.needs().takes(1, false) && !stacked.needs().takes(0, true));
    assertEquals(List.of("source_only", "target_only"),
        Stacked.members(Components.architecture("source_only")).stream().map(ArchitectureComponent::name).toList());
    assertEquals(ArchitectureComponent.SourceUse.POOLS_ROWS,
        Components.architecture("stacked_naive_union").sourceUse());
    assertTrue(Components.isArchitecture("stacked_two_stage_difference"));
    assertTrue(Components.isArchitecture("two_stage_stacked_latent_variable"));
  }

  @Test
  void refusesAClassificationTargetAndBadSavedWeights() {
    Label cls = Label.classification("c", List.of("a", "b"));
    ContextSet classTarget = new ContextSet("c", cls, new String[] {"k"}, new double[][] {{0, 0, 0, 0, 0}},
        new double[] {1});
    SourceModels sources = SourceModels.of(List.of(SOURCE), FOREST, 0, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Stacked(Difference.COMPONENT, SETTINGS).fit(new TransferData(classTarget, List.of(SOURCE)), FOREST,
            sources, 1));
    assertTrue(e.getMessage().contains("classification"), e.getMessage());
    List<String> names = List.of("difference", "target_only", "source_only");
    assertThrows(IllegalArgumentException.class,
        () -> Stacked.parseWeights("difference=0.5,target_only=0.2,source_only=0.2", names));
    assertThrows(IllegalArgumentException.class,
        () -> Stacked.parseWeights("difference=1.5,target_only=-0.5,source_only=0", names));
    assertThrows(IllegalArgumentException.class, () -> Stacked.parseWeights("source_only=1", names));
  }
}
