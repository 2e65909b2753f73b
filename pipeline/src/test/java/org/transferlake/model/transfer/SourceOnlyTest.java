package org.transferlake.model.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.Learner;
import org.transferlake.model.learn.Prediction;
import org.transferlake.model.learn.forest.ForestLearner;
import org.transferlake.testing.MultiContextData;
import org.transferlake.testing.Synthetic;

/**
 * source_only on a target that is its source plus Gaussian noise of a known size: it predicts the source value
 * (measured where the source has the composition, else the source model's), with the training residuals' root mean
 * square as σ, so that about 68% of new rows fall within 1σ.
 */
class SourceOnlyTest {
  private static final Learner FOREST = ForestLearner.defaults().withTrees(20);
  /** Keys c0..c599, values L(x) plus noise. */
  private static final ContextSet SOURCE = MultiContextData.context("source", 600, 0, (l, x) -> l, 0.05, 1);
  private static final double NOISE_MEASURED = 0.2;
  private static final double NOISE_PREDICTED = 0.5;

  private final SourceModels sources = SourceModels.of(List.of(SOURCE), FOREST, 0, 7);

  /**
   * {@code measured} compositions the source has (keys from c{@code firstMeasured}) and {@code unseen} ones it has
   * not, each valued at its source value plus Gaussian noise: 0.2 where the source value is measured, 0.5 where
   * predicted.
   */
  private ContextSet target(int measured, int firstMeasured, int unseen, int firstUnseen, long seed) {
    List<String> keys = new ArrayList<>();
    List<double[]> x = new ArrayList<>();
    for (int i = 0; i < measured; i++) {
      keys.add(SOURCE.keys()[firstMeasured + i]);
      x.add(SOURCE.x()[firstMeasured + i]);
    }
    ContextSet fresh = MultiContextData.context("target", unseen, firstUnseen, (l, f) -> l, 0, seed);
    keys.addAll(List.of(fresh.keys()));
    x.addAll(List.of(fresh.x()));
    String[] k = keys.toArray(new String[0]);
    double[][] features = x.toArray(new double[0][]);
    SourceEstimator.Estimate s = sources.estimate(0, k, features, true);
    SplittableRandom random = new SplittableRandom(seed);
    double[] y = new double[k.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = s.mean()[i] + (s.measured()[i] ? NOISE_MEASURED : NOISE_PREDICTED) * Synthetic.gaussian(random);
    }
    return new ContextSet("target", Label.regression("target"), k, features, y);
  }

  private TransferModel fit(ContextSet train) {
    return new SourceOnly(true).fit(new TransferData(train, List.of(SOURCE)), FOREST, sources, 5);
  }

  /** The half-width holding 68% of |t - s| over the rows whose source value is measured ({@code measured}) or not. */
  private double halfWidth(ContextSet rows, boolean measured) {
    SourceEstimator.Estimate s = sources.estimate(0, rows.keys(), rows.x(), true);
    List<Double> residuals = new ArrayList<>();
    for (int i = 0; i < rows.rows(); i++) {
      if (s.measured()[i] == measured) {
        residuals.add(Math.abs(rows.y()[i] - s.mean()[i]));
      }
    }
    return halfWidth(residuals);
  }

  /** By hand: the ceil(0.68 n)-th smallest, so that at least 68% of the values are at most it. */
  private static double halfWidth(List<Double> absResiduals) {
    List<Double> sorted = absResiduals.stream().sorted().toList();
    return sorted.get((int) Math.ceil(0.68 * sorted.size()) - 1);
  }

  @Test
  void predictsTheMeasuredSourceValueElseTheSourceModelsWithEachGroupsResidualHalfWidth() {
    ContextSet train = target(200, 0, 200, 50_000, 2);
    TransferModel model = fit(train);
    Prediction p = model.predict(train.keys(), train.x());
    double[] sourceModel = sources.model(0).predict(train.x()).mean(0);
    double sigmaMeasured = halfWidth(train, true);
    double sigmaPredicted = halfWidth(train, false);
    for (int i = 0; i < 200; i++) {
      assertEquals(SOURCE.y()[i], p.mean(0)[i], 0.0, "measured: the source's own value");
      assertEquals(sigmaMeasured, p.std(0)[i], 1e-12);
    }
    for (int i = 200; i < 400; i++) {
      assertEquals(sourceModel[i], p.mean(0)[i], 0.0, "unseen: the source model's prediction");
      assertEquals(sigmaPredicted, p.std(0)[i], 1e-12);
    }
    assertEquals(NOISE_MEASURED, sigmaMeasured, 0.04, "the noise the target was made with");
    assertEquals(NOISE_PREDICTED, sigmaPredicted, 0.08);
    assertTrue(model.models().isEmpty(), "nothing is fitted on target rows");
    assertEquals(sources.model(0).provenance(), model.provenance(), "its predictions come from the source model");
  }

  @Test
  void aboutTwoThirdsOfNewRowsFallWithinOneSigma() {
    TransferModel model = fit(target(200, 0, 200, 50_000, 2));
    ContextSet test = target(400, 200, 400, 100_000, 3);
    Prediction p = model.predict(test.keys(), test.x());
    int within = 0;
    for (int i = 0; i < test.rows(); i++) {
      within += Math.abs(test.y()[i] - p.mean(0)[i]) <= p.std(0)[i] ? 1 : 0;
    }
    double share = within / (double) test.rows();
    assertEquals(0.68, share, 0.05, "share within 1σ: " + share);
  }

  @Test
  void aGroupOfFewerThanFiveRowsTakesThePooledHalfWidth() {
    ContextSet train = target(3, 0, 50, 50_000, 4);
    Prediction p = fit(train).predict(train.keys(), train.x());
    SourceEstimator.Estimate s = sources.estimate(0, train.keys(), train.x(), true);
    List<Double> residuals = new ArrayList<>();
    for (int i = 0; i < train.rows(); i++) {
      residuals.add(Math.abs(train.y()[i] - s.mean()[i]));
    }
    assertEquals(halfWidth(residuals), p.std(0)[0], 1e-12, "3 measured rows: every row's");
    assertEquals(halfWidth(train, false), p.std(0)[3], 1e-12, "50 predicted rows: their own");
  }

  @Test
  void withNoResidualAboveZeroSigmaIsTheSpreadOfTheSourceValues() {
    ContextSet noisy = target(10, 0, 10, 50_000, 5);
    double[] exact = sources.estimate(0, noisy.keys(), noisy.x(), true).mean();
    ContextSet train = new ContextSet("target", noisy.label(), noisy.keys(), noisy.x(), exact);
    Prediction p = fit(train).predict(train.keys(), train.x());
    double mean = java.util.Arrays.stream(SOURCE.y()).average().orElseThrow();
    double squares = java.util.Arrays.stream(SOURCE.y()).map(v -> (v - mean) * (v - mean)).sum();
    double spread = Math.sqrt(squares / (SOURCE.rows() - 1));
    for (double sd : p.std(0)) {
      assertEquals(spread, sd, 1e-12);
    }
  }

  @Test
  void withoutUseMeasuredEveryValueIsPredicted() {
    SourceModels crossFitted = SourceModels.of(List.of(SOURCE), FOREST, 3, 7);
    ContextSet train = target(50, 0, 50, 50_000, 6);
    TransferModel model = new SourceOnly(false).fit(new TransferData(train, List.of(SOURCE)), FOREST, crossFitted, 5);
    Prediction p = model.predict(train.keys(), train.x());
    assertArrayEquals(crossFitted.estimate(0, train.keys(), train.x(), false).mean(), p.mean(0), 0.0);
    assertEquals(1, java.util.Arrays.stream(p.std(0)).distinct().count(), "one σ: every row's s is predicted");
  }

  @Test
  void aSavedSigmaThatIsNotAboveZeroIsRefused() {
    java.util.Map<String, String> options = java.util.Map.of(Difference.USE_MEASURED, "true",
        SourceOnly.SIGMA_MEASURED, "0.0", SourceOnly.SIGMA_PREDICTED, "0.4");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SourceOnly.COMPONENT.assemble(List.of(), SOURCE.label(), options, sources));
    assertEquals("option sigma_measured = 0.0: expected a number above 0", e.getMessage());
  }

  @Test
  void aLabelTargetIsRefused() {
    ContextSet labels = new ContextSet("metal", Label.classification("metal", List.of("no", "yes")),
        new String[] {"c0"}, new double[][] {SOURCE.x()[0]}, new double[] {1});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SourceOnly(true).fit(new TransferData(labels, List.of(SOURCE)), FOREST, sources, 5));
    assertTrue(e.getMessage().startsWith("source_only: the target metal is a classification context"), e.getMessage());
  }
}
