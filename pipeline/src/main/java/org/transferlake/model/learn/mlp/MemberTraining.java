package org.transferlake.model.learn.mlp;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Trains one member of the ensemble: Adam on shuffled mini-batches; with held-out rows, stops after
 * {@code patience} epochs without a lower loss on them and keeps the parameters of the best epoch. Every member
 * holds out the same rows ({@link #heldOut}), so that the ensemble's errors there calibrate its spread. The
 * caller holds {@link DjlRuntime}'s training lock.
 */
final class MemberTraining {
  /** The learner's settings that training reads (see MlpLearner). */
  record Settings(double learningRate, double weightDecay, int batchSize, int maxEpochs, int patience,
      double validationFraction) {}

  private final Settings settings;
  private final Network network;
  private final Outputs outputs;
  private final EncodedRows rows;

  MemberTraining(Settings settings, Network network, Outputs outputs, EncodedRows rows) {
    this.settings = settings;
    this.network = network;
    this.outputs = outputs;
    this.rows = rows;
  }

  /**
   * The rows every member holds out for early stopping and calibration, drawn with the fit's seed: the fraction
   * rounded, at least 1, leaving at least 1 to train on; none without early stopping.
   */
  int[] heldOut(long seed) {
    int[] order = permutation(rows.rows, new SplittableRandom(seed));
    int[] held = Arrays.copyOfRange(order, 0, validationRows(rows.rows));
    Arrays.sort(held);
    return held;
  }

  /**
   * The member's parameters, as {@code Block.saveParameters} writes them.
   *
   * @param held the rows {@link #heldOut} gave, the same for every member
   */
  byte[] train(long seed, int[] held) {
    SplittableRandom random = new SplittableRandom(seed);
    DjlRuntime.seed(random.nextLong());
    int[] train = complement(held, rows.rows);
    int validation = held.length;
    DefaultTrainingConfig config = new DefaultTrainingConfig(new MaskedLoss(outputs))
        .optOptimizer(Optimizer.adam()
            .optLearningRateTracker(Tracker.fixed((float) settings.learningRate()))
            .optWeightDecays((float) settings.weightDecay())
            .build());
    try (Model model = DjlRuntime.newModel(network.build()); Trainer trainer = model.newTrainer(config)) {
      trainer.initialize(new Shape(1, network.inputs()));
      byte[] best = null;
      double bestLoss = Double.POSITIVE_INFINITY;
      int sinceBest = 0;
      for (int epoch = 0; epoch < settings.maxEpochs(); epoch++) {
        shuffle(train, random);
        for (int from = 0; from < train.length; from += settings.batchSize()) {
          step(trainer, train, from, Math.min(train.length, from + settings.batchSize()));
        }
        if (validation == 0) {
          continue;
        }
        double loss = loss(trainer, held);
        if (best == null || loss < bestLoss) {
          best = parameters(model);
          bestLoss = loss;
          sinceBest = 0;
        } else if (++sinceBest >= settings.patience()) {
          break;
        }
      }
      return validation == 0 ? parameters(model) : best;
    }
  }

  private int validationRows(int n) {
    if (settings.validationFraction() == 0 || n < 2) {
      return 0;
    }
    return (int) Math.min(n - 1, Math.max(1, Math.round(settings.validationFraction() * n)));
  }

  private void step(Trainer trainer, int[] order, int from, int to) {
    try (NDManager batch = trainer.getManager().newSubManager()) {
      NDList input = new NDList(rows.features(batch, order, from, to));
      NDList labels = rows.targets(batch, order, from, to);
      try (GradientCollector collector = trainer.newGradientCollector()) {
        collector.backward(trainer.getLoss().evaluate(labels, trainer.forward(input)));
      }
      trainer.step();
    }
  }

  private double loss(Trainer trainer, int[] held) {
    try (NDManager batch = trainer.getManager().newSubManager()) {
      NDList input = new NDList(rows.features(batch, held, 0, held.length));
      NDList labels = rows.targets(batch, held, 0, held.length);
      return trainer.getLoss().evaluate(labels, trainer.evaluate(input)).getFloat();
    }
  }

  private static byte[] parameters(Model model) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      model.getBlock().saveParameters(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise the network's parameters", e);
    }
    return bytes.toByteArray();
  }

  /** The rows 0..n-1 not in {@code held} (sorted), in order. */
  private static int[] complement(int[] held, int n) {
    int[] out = new int[n - held.length];
    int k = 0;
    int h = 0;
    for (int i = 0; i < n; i++) {
      if (h < held.length && held[h] == i) {
        h++;
      } else {
        out[k++] = i;
      }
    }
    return out;
  }

  private static int[] permutation(int n, SplittableRandom random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    shuffle(order, random);
    return order;
  }

  /** Fisher-Yates with our own generator: the batch order depends only on the seed. */
  private static void shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int k = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[k];
      a[k] = t;
    }
  }
}
