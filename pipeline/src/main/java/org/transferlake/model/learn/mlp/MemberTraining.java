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
 * Trains one member of the ensemble: Adam on shuffled mini-batches; with a validation fraction above 0, holds
 * out that share of the rows (seeded), stops after {@code patience} epochs without a lower validation loss and
 * keeps the parameters of the best epoch. The caller holds {@link DjlRuntime}'s training lock.
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

  /** The member's parameters, as {@code Block.saveParameters} writes them. */
  byte[] train(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    DjlRuntime.seed(random.nextLong());
    int[] order = permutation(rows.rows, random);
    int validation = validationRows(rows.rows);
    int[] train = Arrays.copyOfRange(order, validation, order.length);
    int[] held = Arrays.copyOfRange(order, 0, validation);
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

  /** Held-out rows: the fraction rounded, at least 1, leaving at least 1 to train on; 0 without early stopping. */
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
