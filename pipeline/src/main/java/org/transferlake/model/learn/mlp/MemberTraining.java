package org.transferlake.model.learn.mlp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
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

  /** Adam's name for the flat parameter vector, the one it updates. */
  private static final String PARAMETERS = "parameters";

  private final Settings settings;
  private final Network network;
  private final MaskedLoss loss;
  private final EncodedRows rows;

  MemberTraining(Settings settings, Network network, Outputs outputs, EncodedRows rows) {
    this.settings = settings;
    this.network = network;
    this.loss = new MaskedLoss(outputs);
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
   * The member's parameters, as {@code Block.saveParameters} writes them. Trains on the flat parameter vector of
   * {@link ParameterLayout} (one Adam update per step) with the block's initial values, so the block defines
   * initialisation and format.
   *
   * @param held the rows {@link #heldOut} gave, the same for every member
   */
  byte[] train(long seed, int[] held) {
    SplittableRandom random = new SplittableRandom(seed);
    DjlRuntime.seed(random.nextLong());
    int[] train = complement(held, rows.rows);
    Block block = network.build();
    ParameterLayout layout = new ParameterLayout(network);
    Optimizer adam = Optimizer.adam()
        .optLearningRateTracker(Tracker.fixed((float) settings.learningRate()))
        .optWeightDecays((float) settings.weightDecay())
        .build();
    try (NDManager manager = DjlRuntime.newManager()) {
      block.initialize(manager, DataType.FLOAT32, new Shape(1, network.inputs()));
      NDArray flat = manager.create(layout.gather(block));
      flat.setRequiresGradient(true);
      float[] best = null;
      double bestLoss = Double.POSITIVE_INFINITY;
      int sinceBest = 0;
      for (int epoch = 0; epoch < settings.maxEpochs(); epoch++) {
        shuffle(train, random);
        epoch(manager, layout, flat, adam, train);
        if (held.length == 0) {
          continue;
        }
        double loss = loss(manager, layout, flat, held);
        if (best == null || loss < bestLoss) {
          best = flat.toFloatArray();
          bestLoss = loss;
          sinceBest = 0;
        } else if (++sinceBest >= settings.patience()) {
          break;
        }
      }
      layout.scatter(held.length == 0 ? flat.toFloatArray() : best, block);
      return parameters(block);
    }
  }

  private int validationRows(int n) {
    if (settings.validationFraction() == 0 || n < 2) {
      return 0;
    }
    return (int) Math.min(n - 1, Math.max(1, Math.round(settings.validationFraction() * n)));
  }

  /** One pass over the rows {@code order} in mini-batches, each a forward and backward pass and an Adam update. */
  private void epoch(NDManager manager, ParameterLayout layout, NDArray flat, Optimizer adam, int[] order) {
    try (NDManager epoch = manager.newSubManager();
        GradientCollector collector = DjlRuntime.newGradientCollector()) {
      for (NDList batch : rows.batches(epoch, order, settings.batchSize(), loss)) {
        try (NDManager step = epoch.newSubManager()) {
          batch.attach(step); // the operations' results go to their first operand's manager: freed with the step
          NDArray output = network.forward(layout.views(flat, step), batch.get(0), true);
          collector.backward(loss.evaluate(new NDList(batch.get(1), batch.get(2)), new NDList(output)));
          try (NDArray gradient = flat.getGradient()) {
            adam.update(PARAMETERS, flat, gradient); // in place, and zeroes flat's gradient
          }
        }
      }
    }
  }

  /** The loss on the held-out rows, without dropout and without recording gradients. */
  private double loss(NDManager manager, ParameterLayout layout, NDArray flat, int[] held) {
    try (NDManager evaluation = manager.newSubManager()) {
      NDList batch = rows.batches(evaluation, held, held.length, loss).get(0);
      NDArray detached = flat.stopGradient();
      detached.attach(evaluation);
      NDArray output = network.forward(layout.views(detached, evaluation), batch.get(0), false);
      return loss.evaluate(new NDList(batch.get(1), batch.get(2)), new NDList(output)).getFloat();
    }
  }

  private static byte[] parameters(Block block) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      block.saveParameters(out);
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
