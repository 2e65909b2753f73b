package org.transferlake.model.learn.mlp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.Learner;
import org.transferlake.model.learn.Model;
import org.transferlake.model.learn.Provenance;
import org.transferlake.model.learn.TrainingSet;

/**
 * A multi-layer perceptron on DJL's PyTorch engine (CPU): a shared trunk and one head per label, trained on the
 * masked multi-task loss ({@link MaskedLoss}) with Adam; an ensemble of independently seeded members gives the
 * standard deviation. Inputs and regression targets are standardised on the training rows.
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
 * @param validationFraction share of the rows held out for early stopping, in [0, 0.5]; 0 trains every epoch
 * @param weightDecay L2 penalty added to Adam's gradients (as torch.optim.Adam's weight_decay)
 * @param ensemble members, each with its own seed, validation split, initialisation and batch order
 */
public record MlpLearner(List<Integer> hidden, MlpActivation activation, double dropout, double learningRate,
    int batchSize, int maxEpochs, int patience, double validationFraction, double weightDecay, int ensemble)
    implements Learner {

  public MlpLearner {
    require(hidden != null && !hidden.isEmpty() && hidden.stream().allMatch(w -> w != null && w >= 1), "hidden",
        hidden, "one or more layer widths, each at least 1");
    hidden = List.copyOf(hidden);
    require(activation != null, "activation", activation, "relu, tanh or gelu");
    require(dropout >= 0 && dropout < 1, "dropout", dropout, "a rate in [0, 1)");
    require(learningRate > 0 && Double.isFinite(learningRate), "learning_rate", learningRate, "above 0");
    require(batchSize >= 1, "batch_size", batchSize, "1 or more");
    require(maxEpochs >= 1, "max_epochs", maxEpochs, "1 or more");
    require(patience >= 1, "patience", patience, "1 or more");
    require(validationFraction >= 0 && validationFraction <= 0.5, "validation_fraction", validationFraction,
        "a fraction in [0, 0.5]");
    require(weightDecay >= 0 && Double.isFinite(weightDecay), "weight_decay", weightDecay, "0 or more");
    require(ensemble >= 1, "ensemble", ensemble, "1 or more");
  }

  /**
   * Two hidden layers (128, 64), relu, dropout 0.1, Adam at 1e-3, batches of 64, up to 300 epochs with early
   * stopping (10% held out, patience 20), five members.
   */
  public static MlpLearner defaults() {
    return new MlpLearner(List.of(128, 64), MlpActivation.RELU, 0.1, 1e-3, 64, 300, 20, 0.1, 0, 5);
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
    p.put("hidden", hidden.toString());
    p.put("activation", activation.id());
    p.put("dropout", Double.toString(dropout));
    p.put("learning_rate", Double.toString(learningRate));
    p.put("batch_size", Integer.toString(batchSize));
    p.put("max_epochs", Integer.toString(maxEpochs));
    p.put("patience", Integer.toString(patience));
    p.put("validation_fraction", Double.toString(validationFraction));
    p.put("weight_decay", Double.toString(weightDecay));
    p.put("ensemble", Integer.toString(ensemble));
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
    byte[][] members = DjlRuntime.whileTraining(() -> {
      SplittableRandom seeds = new SplittableRandom(seed);
      byte[][] trained = new byte[ensemble][];
      for (int m = 0; m < ensemble; m++) {
        trained[m] = training.train(seeds.nextLong());
      }
      return trained;
    });
    Provenance provenance = provenance(data, seed, DjlRuntime.versions());
    return new MlpModel(data.labels(), network, inputs, targets, members, provenance);
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

  private static void require(boolean ok, String key, Object value, String expected) {
    if (!ok) {
      throw new IllegalArgumentException("mlp " + key + " = " + value + ": expected " + expected);
    }
  }
}
