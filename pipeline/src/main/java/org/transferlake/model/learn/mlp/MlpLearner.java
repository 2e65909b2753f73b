package org.transferlake.model.learn.mlp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.transferlake.model.learn.FitCosts;
import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.Learner;
import org.transferlake.model.learn.LearnerComponent;
import org.transferlake.model.learn.Model;
import org.transferlake.model.learn.Param;
import org.transferlake.model.learn.ParamValues;
import org.transferlake.model.learn.Prediction;
import org.transferlake.model.learn.Provenance;
import org.transferlake.model.learn.SigmaCalibration;
import org.transferlake.model.learn.TrainingSet;

/**
 * A multi-layer perceptron on DJL's PyTorch engine (CPU): a shared trunk and one head per label, trained on the
 * masked multi-task loss ({@link MaskedLoss}) with Adam; an ensemble of independently seeded members gives the
 * standard deviation, calibrated on rows every member holds out ({@link SigmaCalibration}). Inputs and
 * regression targets are standardised on the training rows.
 *
 * <p>One training per JVM at a time: {@link #fit} holds a JVM-wide lock (see {@link DjlRuntime}), so threads
 * that fit at once wait for each other; mlp work units parallelise across one-core executors, not threads.
 *
 * @param hidden widths of the trunk's hidden layers, at least one
 * @param activation the nonlinearity after each hidden layer
 * @param dropout dropout rate after each hidden layer, in [0, 1); 0 adds no dropout layer
 * @param learningRate Adam's step size
 * @param batchSize rows per mini-batch
 * @param maxEpochs passes over the training rows, at most
 * @param patience epochs without a lower validation loss before stopping (used with a validation fraction)
 * @param validationFraction share of the rows held out for early stopping and calibration, in [0, 0.5]; 0 trains
 *     every epoch and leaves the spread uncalibrated
 * @param weightDecay L2 penalty added to Adam's gradients (as torch.optim.Adam's weight_decay)
 * @param ensemble members, each with its own seed, initialisation and batch order
 */
public record MlpLearner(List<Integer> hidden, MlpActivation activation, double dropout, double learningRate,
    int batchSize, int maxEpochs, int patience, double validationFraction, double weightDecay, int ensemble)
    implements Learner {

  public static final Param<List<Integer>> HIDDEN = Param.widths("hidden", "widths of the trunk's hidden layers",
      List.of(128, 64), w -> !w.isEmpty() && w.stream().allMatch(v -> v != null && v >= 1),
      "one or more layer widths such as 64x32, each at least 1");
  public static final Param<MlpActivation> ACTIVATION = new Param<>("activation",
      "the nonlinearity after each hidden layer", MlpActivation.RELU, MlpActivation::parse, a -> true,
      "relu, tanh or gelu", MlpActivation::id);
  public static final Param<Double> DROPOUT = Param.number("dropout",
      "dropout rate after each hidden layer; 0 adds no dropout layer", 0.1, v -> v >= 0 && v < 1, "a rate in [0, 1)");
  public static final Param<Double> LEARNING_RATE = Param.number("learning-rate", "Adam's step size", 1e-3,
      v -> v > 0 && Double.isFinite(v), "above 0");
  public static final Param<Integer> BATCH_SIZE = Param.wholeNumber("batch-size", "rows per mini-batch", 64,
      v -> v >= 1, "1 or more");
  public static final Param<Integer> MAX_EPOCHS = Param.wholeNumber("max-epochs",
      "passes over the training rows, at most", 300, v -> v >= 1, "1 or more");
  public static final Param<Integer> PATIENCE = Param.wholeNumber("patience",
      "epochs without a lower validation loss before stopping", 20, v -> v >= 1, "1 or more");
  public static final Param<Double> VALIDATION_FRACTION = Param.number("validation-fraction",
      "share of the rows held out for early stopping and calibration; 0 trains every epoch", 0.1,
      v -> v >= 0 && v <= 0.5,
      "a fraction in [0, 0.5]");
  public static final Param<Double> WEIGHT_DECAY = Param.number("weight-decay",
      "L2 penalty added to Adam's gradients (as torch.optim.Adam's weight_decay)", 0.0,
      v -> v >= 0 && Double.isFinite(v), "0 or more");
  public static final Param<Integer> ENSEMBLE = Param.wholeNumber("ensemble",
      "members, each with its own seed, initialisation and batch order", 5, v -> v >= 1,
      "1 or more");

  /** The mlp as the pipeline sees it: {@code mlp} in experiment files; one fit at a time per JVM. */
  public static final LearnerComponent COMPONENT = new LearnerComponent(MlpModel.LEARNER,
      "multi-layer perceptron ensemble on DJL's PyTorch engine", List.of(HIDDEN, ACTIVATION, DROPOUT,
          LEARNING_RATE, BATCH_SIZE, MAX_EPOCHS, PATIENCE, VALIDATION_FRACTION, WEIGHT_DECAY, ENSEMBLE), true,
      (p, threads) -> of(p), MlpLearner::fitSeconds, MlpModel::read, new LearnerComponent.Budget(MAX_EPOCHS, 1));

  public MlpLearner {
    HIDDEN.check(hidden);
    hidden = List.copyOf(hidden);
    ACTIVATION.check(activation);
    DROPOUT.check(dropout);
    LEARNING_RATE.check(learningRate);
    BATCH_SIZE.check(batchSize);
    MAX_EPOCHS.check(maxEpochs);
    PATIENCE.check(patience);
    VALIDATION_FRACTION.check(validationFraction);
    WEIGHT_DECAY.check(weightDecay);
    ENSEMBLE.check(ensemble);
  }

  /**
   * Two hidden layers (128, 64), relu, dropout 0.1, Adam at 1e-3, batches of 64, up to 300 epochs with early
   * stopping (10% held out, patience 20), five members: the params' defaults.
   */
  public static MlpLearner defaults() {
    return of(COMPONENT.values(Map.of()));
  }

  private static MlpLearner of(ParamValues p) {
    return new MlpLearner(p.get(HIDDEN), p.get(ACTIVATION), p.get(DROPOUT), p.get(LEARNING_RATE), p.get(BATCH_SIZE),
        p.get(MAX_EPOCHS), p.get(PATIENCE), p.get(VALIDATION_FRACTION), p.get(WEIGHT_DECAY), p.get(ENSEMBLE));
  }

  /** Early stopping: the runs measured stopped after about twice the patience, well short of max-epochs. */
  private static double fitSeconds(ParamValues p, double rows) {
    return FitCosts.networkEpochs(rows, Math.min(p.get(MAX_EPOCHS), 2 * p.get(PATIENCE)), p.get(ENSEMBLE));
  }

  public MlpLearner withHidden(List<Integer> widths) {
    return new MlpLearner(widths, activation, dropout, learningRate, batchSize, maxEpochs, patience,
        validationFraction, weightDecay, ensemble);
  }

  public MlpLearner withDropout(double rate) {
    return new MlpLearner(hidden, activation, rate, learningRate, batchSize, maxEpochs, patience,
        validationFraction, weightDecay, ensemble);
  }

  public MlpLearner withMaxEpochs(int epochs) {
    return new MlpLearner(hidden, activation, dropout, learningRate, batchSize, epochs, patience,
        validationFraction, weightDecay, ensemble);
  }

  /** Early stopping on a held-out fraction; a fraction of 0 turns it off. */
  public MlpLearner withEarlyStopping(double fraction, int epochsWithoutGain) {
    return new MlpLearner(hidden, activation, dropout, learningRate, batchSize, maxEpochs, epochsWithoutGain,
        fraction, weightDecay, ensemble);
  }

  public MlpLearner withEnsemble(int members) {
    return new MlpLearner(hidden, activation, dropout, learningRate, batchSize, maxEpochs, patience,
        validationFraction, weightDecay, members);
  }

  @Override
  public String name() {
    return MlpModel.LEARNER;
  }

  @Override
  public Map<String, String> params() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(HIDDEN.name(), HIDDEN.write(hidden));
    p.put(ACTIVATION.name(), ACTIVATION.write(activation));
    p.put(DROPOUT.name(), DROPOUT.write(dropout));
    p.put(LEARNING_RATE.name(), LEARNING_RATE.write(learningRate));
    p.put(BATCH_SIZE.name(), BATCH_SIZE.write(batchSize));
    p.put(MAX_EPOCHS.name(), MAX_EPOCHS.write(maxEpochs));
    p.put(PATIENCE.name(), PATIENCE.write(patience));
    p.put(VALIDATION_FRACTION.name(), VALIDATION_FRACTION.write(validationFraction));
    p.put(WEIGHT_DECAY.name(), WEIGHT_DECAY.write(weightDecay));
    p.put(ENSEMBLE.name(), ENSEMBLE.write(ensemble));
    return p;
  }

  /** Trains the ensemble; waits while another thread of this JVM trains (see {@link DjlRuntime}). */
  @Override
  public Model fit(TrainingSet data, long seed) {
    data.requireEveryLabelHasAValue();
    Outputs outputs = new Outputs(data.labels());
    Standardizer inputs = Standardizer.all(data.x(), data.features());
    Standardizer targets = Standardizer.fit(labelColumns(data), regressionColumns(data.labels()));
    EncodedRows rows = EncodedRows.encode(data, inputs, targets, outputs);
    Network network = new Network(data.features(), hidden, activation, dropout, outputs.headWidths());
    MemberTraining.Settings settings = new MemberTraining.Settings(learningRate, weightDecay, batchSize, maxEpochs,
        patience, validationFraction);
    MemberTraining training = new MemberTraining(settings, network, outputs, rows);
    SplittableRandom seeds = new SplittableRandom(seed);
    int[] held = training.heldOut(seeds.nextLong());
    byte[][] members = DjlRuntime.whileTraining(() -> {
      byte[][] trained = new byte[ensemble][];
      for (int m = 0; m < ensemble; m++) {
        trained[m] = training.train(seeds.nextLong(), held);
      }
      return trained;
    });
    Provenance provenance = provenance(data, seed, DjlRuntime.versions());
    MlpModel raw = new MlpModel(data.labels(), network, inputs, targets, members, null, provenance);
    return raw.withCalibrations(calibrations(raw, data, held));
  }

  /**
   * Each regression label's calibration from the ensemble's errors on the rows every member held out; none without
   * held-out rows (validation-fraction 0).
   */
  private static SigmaCalibration[] calibrations(MlpModel raw, TrainingSet data, int[] held) {
    if (held.length == 0) {
      return null;
    }
    double[][] x = new double[held.length][];
    for (int k = 0; k < held.length; k++) {
      x[k] = data.x()[held[k]];
    }
    Prediction p = raw.predict(x);
    SigmaCalibration[] out = new SigmaCalibration[data.labels().size()];
    for (int j = 0; j < out.length; j++) {
      out[j] = SigmaCalibration.NONE;
      if (!data.labels().get(j).isClassification()) {
        double[] mean = p.mean(j);
        double[] errors = new double[held.length];
        for (int k = 0; k < held.length; k++) {
          // NaN where the row has no value of this label, or is not one to calibrate on: left out
          errors[k] = data.calibrates(held[k]) ? data.y(held[k], j) - data.asUsed(held[k], j, mean[k]) : Double.NaN;
        }
        out[j] = SigmaCalibration.fit(errors, p.std(j));
      }
    }
    return out;
  }

  private static double[][] labelColumns(TrainingSet data) {
    double[][] y = new double[data.rows()][data.labels().size()];
    for (int i = 0; i < data.rows(); i++) {
      for (int j = 0; j < y[i].length; j++) {
        y[i][j] = data.y(i, j);
      }
    }
    return y;
  }

  private static boolean[] regressionColumns(List<Label> labels) {
    boolean[] scaled = new boolean[labels.size()];
    for (int j = 0; j < scaled.length; j++) {
      scaled[j] = !labels.get(j).isClassification();
    }
    return scaled;
  }
}
