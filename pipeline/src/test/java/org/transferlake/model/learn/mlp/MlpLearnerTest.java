package org.transferlake.model.learn.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.transferlake.model.components.Components;
import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.Model;
import org.transferlake.model.learn.ModelFormatException;
import org.transferlake.model.learn.ModelIO;
import org.transferlake.model.learn.Prediction;
import org.transferlake.model.learn.TrainingSet;
import org.transferlake.testing.Synthetic;

/** Smoke runs of a few epochs on small data (as DJL's examples do in CI); accuracy is checked loosely. */
class MlpLearnerTest {
  private static final MlpLearner SMALL = new MlpLearner(List.of(32, 32), MlpActivation.RELU, 0.0, 0.01, 32, 40,
      5, 0.0, 0.0, 1);

  private static TrainingSet smoothData(int rows, double noise, long seed) {
    double[][] x = Synthetic.features(rows, 5, seed);
    return TrainingSet.of(x, Synthetic.smooth(x, noise, seed + 1), Label.regression("y"));
  }

  private static double[] truth(double[][] x) {
    return Arrays.stream(x).mapToDouble(Synthetic::smooth).toArray();
  }

  private static double constantMae(double[] truth) {
    double mean = Arrays.stream(truth).average().orElseThrow();
    double[] constant = new double[truth.length];
    Arrays.fill(constant, mean);
    return Synthetic.mae(constant, truth);
  }

  @Test
  void learnsASmoothFunctionFarBetterThanTheMeanDespiteConstantAndMissingFeatures() {
    double[][] x = withConstantAndMissingColumns(Synthetic.features(600, 5, 1));
    double[] y = Synthetic.smooth(x, 0.05, 2);
    Model model = SMALL.withEarlyStopping(0.1, 5).fit(TrainingSet.of(x, y, Label.regression("y")), 3);
    double[][] test = withConstantAndMissingColumns(Synthetic.features(300, 5, 99));
    double mlp = Synthetic.mae(model.predict(test).mean(0), truth(test));
    assertTrue(mlp < 0.25 * constantMae(truth(test)), "mlp MAE " + mlp + ", mean MAE " + constantMae(truth(test)));
  }

  /** Column 3 constant (standardising must not divide by its zero spread), column 4 missing in a quarter. */
  private static double[][] withConstantAndMissingColumns(double[][] x) {
    for (int i = 0; i < x.length; i++) {
      x[i][3] = 7.0;
      if (i % 4 == 0) {
        x[i][4] = Double.NaN;
      }
    }
    return x;
  }

  /** The members' spread alone covered 37–46% on band gaps; calibrated on the held-out rows it covers about 68%. */
  @Test
  void calibratedStandardDeviationsCoverAboutTwoThirdsOfNewRows() {
    TrainingSet train = smoothData(800, 0.3, 41);
    double[][] test = Synthetic.features(400, 5, 42);
    double[] actual = Synthetic.smooth(test, 0.3, 43);
    Prediction p = SMALL.withEarlyStopping(0.2, 5).withEnsemble(3).fit(train, 44).predict(test);
    int within = 0;
    for (int i = 0; i < test.length; i++) {
      within += Math.abs(p.mean(0)[i] - actual[i]) <= p.std(0)[i] ? 1 : 0;
    }
    double fraction = within / (double) test.length;
    assertTrue(fraction > 0.58 && fraction < 0.78, "fraction within 1 sd: " + fraction);
  }

  @Test
  void oneMemberHasNoSpreadButAStandardDeviationFromTheHeldOutErrors() {
    Prediction p = SMALL.withEarlyStopping(0.2, 5).fit(smoothData(300, 0.3, 45), 46)
        .predict(Synthetic.features(50, 5, 47));
    double sigma = p.std(0)[0];
    assertTrue(sigma > 0.1 && sigma < 1.0, "about the noise of 0.3 and the fit's error: " + sigma);
    assertTrue(Arrays.stream(p.std(0)).allMatch(s -> s == sigma), "the floor alone, the same for every row");
  }

  @Test
  void aFeatureFarOutsideTheTrainingRangeCannotBlowUpThePrediction() {
    TrainingSet train = smoothData(200, 0.1, 4);
    double[][] x = new double[train.rows()][];
    for (int i = 0; i < x.length; i++) {
      x[i] = new double[] {train.x(i, 0), train.x(i, 1), train.x(i, 2), train.x(i, 3), 5.0 + (i == 0 ? 1e-3 : 0)};
    }
    double[] y = new double[x.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = train.y(i, 0);
    }
    Model model = SMALL.fit(TrainingSet.of(x, y, Label.regression("y")), 3);
    double[][] far = {{0.5, 0.5, 0.5, 0.5, 1e6}};
    double predicted = model.predict(far).mean(0)[0];
    double max = java.util.Arrays.stream(y).map(Math::abs).max().orElseThrow();
    assertTrue(Math.abs(predicted) < 20 * max, "a feature 10^9 training sds away gave " + predicted);
  }

  @Test
  void sameSeedSameModelAndAnotherSeedAnother() {
    TrainingSet train = smoothData(200, 0.1, 4);
    double[][] test = Synthetic.features(50, 5, 5);
    MlpLearner learner = SMALL.withMaxEpochs(5).withDropout(0.2).withEnsemble(2).withEarlyStopping(0.2, 2);
    Prediction one = learner.fit(train, 11).predict(test);
    Prediction again = learner.fit(train, 11).predict(test);
    assertArrayEquals(one.mean(0), again.mean(0));
    assertArrayEquals(one.std(0), again.std(0));
    assertTrue(Arrays.stream(one.std(0)).allMatch(s -> s > 0), "two members disagree somewhat");
    assertFalse(Arrays.equals(one.mean(0), learner.fit(train, 12).predict(test).mean(0)), "another seed, another model");
  }

  @Test
  void aScarceLabelLearnsThroughTheSharedTrunkAndMissingLabelsAddNoLoss() {
    double[][] x = Synthetic.features(600, 5, 6);
    double[][] y = new double[x.length][3];
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < x.length; i++) {
      double f = Synthetic.smooth(x[i]);
      y[i][0] = f + 0.05 * Synthetic.gaussian(random);
      y[i][1] = i % 10 == 0 ? 2 * f + 1 : Double.NaN; // one row in ten: were missing rows read as 0, it would shrink
      y[i][2] = i % 2 == 0 ? (f > 0.5 ? 1 : 0) : Double.NaN;
    }
    List<Label> labels = List.of(Label.regression("plentiful"), Label.regression("scarce").withWeight(2),
        Label.classification("high", List.of("no", "yes")));
    Model model = SMALL.withMaxEpochs(60).fit(new TrainingSet(x, y, labels), 8);
    double[][] test = Synthetic.features(300, 5, 9);
    Prediction p = model.predict(test);
    double[] scarceTruth = Arrays.stream(truth(test)).map(f -> 2 * f + 1).toArray();
    double scarce = Synthetic.mae(p.mean(1), scarceTruth);
    assertTrue(scarce < 0.5 * constantMae(scarceTruth), "scarce MAE " + scarce);
    int correct = 0;
    for (int i = 0; i < test.length; i++) {
      correct += p.predictedClass(2)[i] == (Synthetic.smooth(test[i]) > 0.5 ? 1 : 0) ? 1 : 0;
    }
    assertTrue(correct > 0.85 * test.length, correct + " of " + test.length);
  }

  @Test
  void classProbabilitiesSumToOneWithASpreadAcrossMembers() {
    double[][] x = Synthetic.features(400, 3, 10);
    double[] y = Arrays.stream(x).mapToDouble(r -> r[0] + 0.2 * r[1] > 0.6 ? 1 : 0).toArray();
    Label label = Label.classification("side", List.of("low", "high"));
    Model model = SMALL.withMaxEpochs(20).withEnsemble(3).fit(TrainingSet.of(x, y, label), 11);
    double[][] test = Synthetic.features(200, 3, 12);
    Prediction p = model.predict(test);
    int correct = 0;
    for (int i = 0; i < test.length; i++) {
      double[] probabilities = p.probabilities(0)[i];
      assertEquals(1.0, probabilities[0] + probabilities[1], 1e-12);
      assertTrue(p.probabilityStd(0)[i][1] >= 0);
      correct += p.predictedClass(0)[i] == (test[i][0] + 0.2 * test[i][1] > 0.6 ? 1 : 0) ? 1 : 0;
    }
    assertTrue(correct > 0.9 * test.length, correct + " of " + test.length);
  }

  @Test
  void aSavedModelLoadsBackWithIdenticalPredictionsAndProvenance() throws IOException {
    TrainingSet train = smoothData(200, 0.1, 13);
    Model model = SMALL.withMaxEpochs(5).withEnsemble(2).withDropout(0.1).fit(train, 14);
    byte[] bytes = ModelIO.toBytes(model);
    Model loaded = Components.readModel(bytes, "test model");
    double[][] test = Synthetic.features(40, 5, 15);
    assertArrayEquals(model.predict(test).mean(0), loaded.predict(test).mean(0));
    assertArrayEquals(model.predict(test).std(0), loaded.predict(test).std(0));
    assertEquals(model.provenance(), loaded.provenance());
    assertEquals("mlp", loaded.provenance().learner());
    assertEquals("[32, 32]", loaded.provenance().params().get("hidden"));
    assertEquals("0.36.0", loaded.provenance().versions().get("djl"));
    assertEquals("2.7.1", loaded.provenance().versions().get("pytorch"));
    assertEquals(train.fingerprint(), loaded.provenance().dataFingerprint());

    bytes[bytes.length / 2] ^= 0x40;
    assertTrue(assertThrows(ModelFormatException.class, () -> Components.readModel(bytes, "mlp.bin"))
        .getMessage().startsWith("mlp.bin is corrupt: checksum"));
  }

  @Test
  void sameSeedGivesBitIdenticalMembers() throws IOException {
    TrainingSet train = smoothData(200, 0.1, 4);
    MlpLearner learner = SMALL.withMaxEpochs(5).withDropout(0.2).withEnsemble(2).withEarlyStopping(0.2, 2);
    assertArrayEquals(modelBytes(learner.fit(train, 11)), modelBytes(learner.fit(train, 11)));
  }

  private static byte[] modelBytes(Model model) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    model.writeTo(new DataOutputStream(bytes));
    return bytes.toByteArray();
  }

  /** The loaded members a model keeps give what loading them anew gives, also to threads predicting at once. */
  @Test
  void keptNetworksPredictAsFreshlyLoadedOnesAlsoFromTwoThreads() throws Exception {
    Model model = SMALL.withMaxEpochs(5).withEnsemble(2).fit(smoothData(200, 0.1, 24), 25);
    double[][] test = Synthetic.features(40, 5, 26);
    double[] first = model.predict(test).mean(0);
    assertArrayEquals(first, model.predict(test).mean(0));
    assertArrayEquals(first, Components.readModel(ModelIO.toBytes(model), "copy").predict(test).mean(0));
    ExecutorService threads = Executors.newFixedThreadPool(2);
    CyclicBarrier together = new CyclicBarrier(2);
    try {
      List<Future<double[]>> both = threads.invokeAll(List.of(() -> {
        together.await();
        return model.predict(test).mean(0);
      }, () -> {
        together.await();
        return model.predict(test).mean(0);
      }));
      assertArrayEquals(first, both.get(0).get(30, TimeUnit.SECONDS));
      assertArrayEquals(first, both.get(1).get(30, TimeUnit.SECONDS));
    } finally {
      threads.shutdown();
    }
  }

  /** Training and prediction run the heads as one layer on the flat parameters: the block's own forward agrees. */
  @Test
  void theFlatParametersComputeWhatTheBlockComputes() throws Exception {
    Network network = new Network(3, List.of(4, 5), MlpActivation.TANH, 0, List.of(1, 2, 1));
    ParameterLayout layout = new ParameterLayout(network);
    try (NDManager manager = DjlRuntime.newManager()) {
      Block block = network.build();
      block.initialize(manager, DataType.FLOAT32, new Shape(1, 3));
      float[] flat = layout.gather(block);
      assertEquals(3 * 4 + 4 + 4 * 5 + 5 + 5 * 4 + 4, flat.length);
      for (int i = 0; i < flat.length; i++) {
        flat[i] += 0.01f * i; // biases start at 0: make every parameter distinct
      }
      layout.scatter(flat, block);
      assertArrayEquals(flat, layout.gather(block));
      NDArray x = manager.create(new float[] {0.1f, -0.4f, 0.7f, 1.2f, 0.3f, -0.9f},
          new Shape(2, 3));
      float[] viaBlock = block.forward(new ParameterStore(manager, false), new NDList(x),
          false).singletonOrThrow().toFloatArray();
      float[] viaFlat = network.forward(layout.views(manager.create(flat), manager), x, false).toFloatArray();
      assertArrayEquals(viaBlock, viaFlat, 1e-6f);
    }
  }

  @Test
  void twoThreadsTrainingAtOnceBothFinishWithTheirSerialResults() throws Exception {
    TrainingSet train = smoothData(200, 0.1, 16);
    double[][] test = Synthetic.features(30, 5, 17);
    MlpLearner learner = SMALL.withMaxEpochs(5).withDropout(0.1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    CyclicBarrier together = new CyclicBarrier(2);
    Prediction a;
    Prediction b;
    try {
      Future<Model> first = threads.submit(() -> {
        together.await();
        return learner.fit(train, 18);
      });
      Future<Model> second = threads.submit(() -> {
        together.await();
        return learner.fit(train, 19);
      });
      a = first.get(60, TimeUnit.SECONDS).predict(test);
      b = second.get(60, TimeUnit.SECONDS).predict(test);
    } finally {
      threads.shutdown();
    }
    // The lock also keeps PyTorch's seeded generator to one training: the results are those of serial fits.
    assertArrayEquals(learner.fit(train, 18).predict(test).mean(0), a.mean(0));
    assertArrayEquals(learner.fit(train, 19).predict(test).mean(0), b.mean(0));
  }

  @Test
  void djlAllowsOneGradientCollectorPerJvmButPredictionNeedsNone() throws Exception {
    Model model = SMALL.withMaxEpochs(3).fit(smoothData(100, 0.1, 20), 21);
    double[][] test = Synthetic.features(20, 5, 22);
    double[] before = model.predict(test).mean(0);
    CountDownLatch collecting = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    CompletableFuture<Void> training = CompletableFuture.runAsync(() -> DjlRuntime.whileTraining(() -> {
      try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
        collecting.countDown();
        return done.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }));
    assertTrue(collecting.await(30, TimeUnit.SECONDS));
    try {
      IllegalStateException second = assertThrows(IllegalStateException.class,
          () -> Engine.getEngine("PyTorch").newGradientCollector().close());
      assertTrue(second.getMessage().contains("already collecting"), second.getMessage());
      assertTrue(DjlRuntime.trainingInProgress());
      ExecutorService predictors = Executors.newFixedThreadPool(2);
      try {
        Future<double[]> one = predictors.submit(() -> model.predict(test).mean(0));
        Future<double[]> two = predictors.submit(() -> model.predict(test).mean(0));
        assertArrayEquals(before, one.get(30, TimeUnit.SECONDS), "predictions run beside a training");
        assertArrayEquals(before, two.get(30, TimeUnit.SECONDS), "and beside each other");
      } finally {
        predictors.shutdown();
      }
    } finally {
      done.countDown();
    }
    training.get(30, TimeUnit.SECONDS);
  }

  @Test
  void invalidHyperparametersNameTheParameter() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SMALL.withDropout(1.0));
    assertEquals("dropout = 1.0: expected a rate in [0, 1)", e.getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SMALL.withHidden(List.of(16, 0)))
        .getMessage().startsWith("hidden = [16, 0]"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SMALL.withEarlyStopping(0.9, 3))
        .getMessage().startsWith("validation-fraction = 0.9"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SMALL.withEnsemble(0))
        .getMessage().startsWith("ensemble = 0"));
    assertEquals("mlp activation = swish: expected one of [relu, tanh, gelu]",
        assertThrows(IllegalArgumentException.class, () -> MlpActivation.parse("swish")).getMessage());
  }

  @Test
  void aLabelWithNoValueIsRefused() {
    double[][] x = Synthetic.features(10, 2, 23);
    double[] y = new double[10];
    Arrays.fill(y, Double.NaN);
    assertThrows(IllegalArgumentException.class, () -> SMALL.fit(TrainingSet.of(x, y, Label.regression("y")), 1));
  }
}
