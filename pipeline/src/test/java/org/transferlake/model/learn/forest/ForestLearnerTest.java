package org.transferlake.model.learn.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.transferlake.model.components.Components;
import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.Model;
import org.transferlake.model.learn.ModelFormatException;
import org.transferlake.model.learn.ModelIO;
import org.transferlake.model.learn.Prediction;
import org.transferlake.model.learn.SigmaCalibration;
import org.transferlake.model.learn.TrainingSet;
import org.transferlake.testing.Synthetic;

class ForestLearnerTest {
  private static final ForestLearner SMALL = ForestLearner.defaults().withTrees(50);

  private static TrainingSet smoothData(int rows, double noise, long seed) {
    double[][] x = Synthetic.features(rows, 5, seed);
    return TrainingSet.of(x, Synthetic.smooth(x, noise, seed + 1), Label.regression("y"));
  }

  @Test
  void learnsASmoothFunctionFarBetterThanTheMean() {
    TrainingSet train = smoothData(600, 0.05, 1);
    double[][] test = Synthetic.features(300, 5, 99);
    double[] truth = new double[test.length];
    double mean = 0;
    for (int i = 0; i < test.length; i++) {
      truth[i] = Synthetic.smooth(test[i]);
      mean += truth[i] / test.length;
    }
    double[] constant = new double[test.length];
    java.util.Arrays.fill(constant, mean);
    double forest = Synthetic.mae(SMALL.fit(train, 7).predict(test).mean(0), truth);
    assertTrue(forest < 0.3 * Synthetic.mae(constant, truth), "forest MAE " + forest);
  }

  @Test
  void sameSeedSameForestWhateverTheThreads() throws IOException {
    TrainingSet train = smoothData(300, 0.1, 2);
    double[][] test = Synthetic.features(50, 5, 3);
    Prediction one = SMALL.withThreads(1).fit(train, 11).predict(test);
    Prediction four = SMALL.withThreads(4).fit(train, 11).predict(test);
    assertArrayEquals(one.mean(0), four.mean(0));
    assertArrayEquals(one.std(0), four.std(0));
    Prediction other = SMALL.fit(train, 12).predict(test);
    assertFalse(java.util.Arrays.equals(one.mean(0), other.mean(0)), "another seed, another forest");
  }

  @Test
  void classifiesWithProbabilitiesThatSumToOne() {
    double[][] x = Synthetic.features(400, 3, 4);
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i][0] + 0.2 * x[i][1] > 0.6 ? 1 : 0;
    }
    Label label = Label.classification("side", List.of("low", "high"));
    Model model = SMALL.fit(TrainingSet.of(x, y, label), 5);
    double[][] test = Synthetic.features(200, 3, 6);
    Prediction p = model.predict(test);
    int[] predicted = p.predictedClass(0);
    int correct = 0;
    for (int i = 0; i < test.length; i++) {
      double[] probabilities = p.probabilities(0)[i];
      assertEquals(1.0, probabilities[0] + probabilities[1], 1e-9);
      assertTrue(p.probabilityStd(0)[i][1] >= 0);
      correct += predicted[i] == (test[i][0] + 0.2 * test[i][1] > 0.6 ? 1 : 0) ? 1 : 0;
    }
    assertTrue(correct > 0.9 * test.length, correct + " of " + test.length);
  }

  @Test
  void multiTaskTreesSkipMissingLabelsAndPredictEveryLabel() {
    double[][] x = Synthetic.features(500, 4, 8);
    double[][] y = new double[x.length][2];
    SplittableRandom random = new SplittableRandom(9);
    for (int i = 0; i < x.length; i++) {
      y[i][0] = Synthetic.smooth(x[i]);
      y[i][1] = random.nextDouble() < 0.1 ? (x[i][0] > 0.5 ? 1 : 0) : Double.NaN; // a scarce class label
    }
    List<Label> labels = List.of(Label.regression("plentiful"), Label.classification("scarce", List.of("no", "yes")));
    Prediction p = SMALL.fit(new TrainingSet(x, y, labels), 10).predict(Synthetic.features(100, 4, 11));
    for (int i = 0; i < 100; i++) {
      assertTrue(Double.isFinite(p.mean(0)[i]));
      assertEquals(1.0, p.probabilities(1)[i][0] + p.probabilities(1)[i][1], 1e-9);
    }
  }

  @Test
  void aSavedModelLoadsBackWithIdenticalPredictionsAndProvenance() throws IOException {
    TrainingSet train = smoothData(200, 0.1, 12);
    Model model = SMALL.fit(train, 13);
    Model loaded = Components.readModel(ModelIO.toBytes(model), "test model");
    double[][] test = Synthetic.features(40, 5, 14);
    assertArrayEquals(model.predict(test).mean(0), loaded.predict(test).mean(0));
    assertArrayEquals(model.predict(test).std(0), loaded.predict(test).std(0));
    assertArrayEquals(((ForestModel) model).jackknifeStd(test, 0, 0), ((ForestModel) loaded).jackknifeStd(test, 0, 0));
    assertEquals(model.provenance(), loaded.provenance());
    assertEquals("forest", loaded.provenance().learner());
    assertEquals("50", loaded.provenance().params().get("trees"));
    assertEquals(13, loaded.provenance().seed());
    assertEquals(train.fingerprint(), loaded.provenance().dataFingerprint());
  }

  @Test
  void aCorruptModelFailsToLoadWithAClearError() throws IOException {
    byte[] bytes = ModelIO.toBytes(SMALL.fit(smoothData(100, 0.1, 15), 16));
    bytes[bytes.length / 2] ^= 0x40;
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> Components.readModel(bytes, "model.bin"));
    assertTrue(e.getMessage().startsWith("model.bin is corrupt: checksum"), e.getMessage());
    byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 10);
    assertTrue(assertThrows(ModelFormatException.class, () -> Components.readModel(truncated, "m"))
        .getMessage().contains("truncated"));
  }

  @Test
  void calibratedStandardDeviationsCoverAboutTwoThirdsOfErrors() {
    TrainingSet train = smoothData(800, 0.3, 17);
    double[][] test = Synthetic.features(400, 5, 18);
    double[] truth = Synthetic.smooth(test, 0.3, 19);
    Prediction p = ForestLearner.defaults().withTrees(100).fit(train, 20).predict(test);
    int within = 0;
    for (int i = 0; i < test.length; i++) {
      within += Math.abs(p.mean(0)[i] - truth[i]) <= p.std(0)[i] ? 1 : 0;
    }
    double fraction = within / (double) test.length;
    assertTrue(fraction > 0.55 && fraction < 0.82, "fraction within 1 sd: " + fraction);
  }

  /**
   * Pooled rows of another context, far noisier than the target's, must not widen the target's σ: with only the
   * target's rows calibrating, the same trees give a narrower σ that covers target-like rows less loosely.
   */
  @Test
  void onlyTheFlaggedRowsCalibrateSigma() {
    double[][] x = Synthetic.features(800, 5, 41);
    double[] y = Synthetic.smooth(x, 0.05, 42);
    java.util.SplittableRandom noise = new java.util.SplittableRandom(43);
    boolean[] target = new boolean[x.length];
    for (int i = 0; i < x.length; i++) {
      target[i] = i < 200;
      y[i] += target[i] ? 0 : Synthetic.gaussian(noise);
    }
    TrainingSet pooled = TrainingSet.of(x, y, Label.regression("y"));
    double[][] test = Synthetic.features(300, 5, 44);
    double[] truth = Synthetic.smooth(test, 0.05, 45);
    Prediction all = ForestLearner.defaults().withTrees(60).fit(pooled, 46).predict(test);
    Prediction targetOnly = ForestLearner.defaults().withTrees(60).fit(pooled.calibratedOn(target), 46).predict(test);
    assertArrayEquals(all.mean(0), targetOnly.mean(0), 0.0);
    double wide = median(all.std(0));
    double narrow = median(targetOnly.std(0));
    assertTrue(narrow < 0.8 * wide, "σ calibrated on the target's rows " + narrow + " vs on every row " + wide);
    assertTrue(within(targetOnly, truth) < within(all, truth));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double within(Prediction p, double[] truth) {
    int n = 0;
    for (int i = 0; i < truth.length; i++) {
      n += Math.abs(p.mean(0)[i] - truth[i]) <= p.std(0)[i] ? 1 : 0;
    }
    return n / (double) truth.length;
  }

  @Test
  void theSpreadBeforeCalibrationIsKeptBesideTheCalibratedSigma() {
    TrainingSet train = smoothData(400, 0.3, 17);
    double[][] test = Synthetic.features(50, 5, 18);
    ForestModel calibrated = (ForestModel) ForestLearner.defaults().withTrees(50).fit(train, 20);
    Prediction p = calibrated.predict(test);
    SigmaCalibration calibration = calibrated.calibration(0);
    assertNotEquals(SigmaCalibration.NONE, calibration);
    for (int i = 0; i < test.length; i++) {
      assertEquals(calibration.sigma(p.spread(0)[i]), p.std(0)[i], 1e-12, "row " + i);
    }
    assertNotEquals(p.std(0)[0], p.spread(0)[0]);
  }

  /**
   * A zero-inflated target, as band gaps are: where x0 is below 0.4 the value is exactly 0 and every tree agrees.
   * Those rows count as covered, so the others are calibrated to cover less than 68% themselves; none has σ 0.
   */
  @Test
  void withExactZerosTwoThirdsOfAllRowsFallWithinOneSigmaAndNoSigmaIs0() {
    double[][] x = Synthetic.features(1200, 5, 31);
    double[] y = zeroInflated(x, Synthetic.smooth(x, 0.3, 32));
    double[][] test = Synthetic.features(600, 5, 33);
    double[] truth = zeroInflated(test, Synthetic.smooth(test, 0.3, 34));
    Prediction p = ForestLearner.defaults().withTrees(100).fit(TrainingSet.of(x, y, Label.regression("y")), 35)
        .predict(test);
    int within = 0;
    int exact = 0;
    for (int i = 0; i < test.length; i++) {
      within += Math.abs(p.mean(0)[i] - truth[i]) <= p.std(0)[i] ? 1 : 0;
      exact += p.mean(0)[i] == truth[i] ? 1 : 0;
      assertTrue(p.std(0)[i] > 0, "σ of row " + i);
    }
    assertTrue(exact > 100, "rows predicted exactly: " + exact);
    double fraction = within / (double) test.length;
    assertEquals(0.68, fraction, 0.06, "fraction within 1 sd: " + fraction);
  }

  private static double[] zeroInflated(double[][] x, double[] y) {
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i][0] < 0.4 ? 0 : y[i];
    }
    return y;
  }

  @Test
  void jackknifeMatchesTheDefinitionRowByRow() {
    ForestModel model = (ForestModel) SMALL.fit(smoothData(120, 0.2, 21), 22);
    double[][] test = Synthetic.features(7, 5, 23);
    double[] fast = model.jackknifeStd(test, 0, 0);
    double[][] t = model.treeOutputs(test)[0];
    byte[][] inBag = model.inBag();
    int trees = t.length;
    int n = inBag[0].length;
    for (int r = 0; r < test.length; r++) {
      double mean = 0;
      for (double[] tree : t) {
        mean += tree[r] / trees;
      }
      double varJ = 0;
      double varIJ = 0;
      double spread = 0;
      for (double[] tree : t) {
        spread += (tree[r] - mean) * (tree[r] - mean);
      }
      for (int i = 0; i < n; i++) {
        double oobSum = 0;
        int oob = 0;
        double cov = 0;
        for (int b = 0; b < trees; b++) {
          cov += (inBag[b][i] - 1) * (t[b][r] - mean) / trees;
          if (inBag[b][i] == 0) {
            oobSum += t[b][r];
            oob++;
          }
        }
        varIJ += cov * cov;
        if (oob > 0) {
          varJ += (oobSum / oob - mean) * (oobSum / oob - mean) * (n - 1) / n;
        }
      }
      // Wager et al. (2014), eqs. (6)-(8): both estimates bias-corrected, then averaged.
      double varJU = varJ - (Math.E - 1) * n / ((double) trees * trees) * spread;
      double varIJU = varIJ - n / ((double) trees * trees) * spread;
      double expected = Math.sqrt(Math.max(0, (varJU + varIJU) / 2));
      assertEquals(expected, fast[r], 1e-9 * expected + 1e-12, "row " + r);
    }
  }

  @Test
  void invalidHyperparametersNameTheParameter() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ForestLearner(1, 1.0, 0, 1, true, 0));
    assertTrue(e.getMessage().startsWith("trees = 1: expected at least 2"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new ForestLearner(10, 0.0, 0, 1, true, 0));
    assertThrows(IllegalArgumentException.class, () -> new ForestLearner(10, 1.0, 0, 0, true, 0));
  }

  @Test
  void aLabelWithNoValueIsRefused() {
    double[][] x = Synthetic.features(10, 2, 24);
    double[] y = new double[10];
    java.util.Arrays.fill(y, Double.NaN);
    assertThrows(IllegalArgumentException.class, () -> SMALL.fit(TrainingSet.of(x, y, Label.regression("y")), 1));
  }
}
