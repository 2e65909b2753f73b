package org.transferlake.model.transfer;

import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.Learner;
import org.transferlake.model.learn.Model;
import org.transferlake.model.learn.Prediction;
import org.transferlake.model.learn.TrainingSet;
import org.transferlake.model.transfer.ArchitectureComponent.Needs;
import org.transferlake.model.transfer.ArchitectureComponent.SourceUse;

/**
 * The explicit latent variable architecture: source models f_s1..f_sk, and h fitted on target rows with inputs
 * [x, s1..sk], each s measured where known (and {@code useMeasured}), else predicted by a model that never saw the
 * composition. Predicts h([x, s]).
 *
 * <p>With {@code addSourceVariance}, a regression prediction's variance also adds the predicted sources' variances
 * (first order for h moving one-for-one with s, which holds for gaps of one material at two fidelities); without it,
 * the standard deviation is h's own.
 */
public final class LatentVariable implements Architecture {
  public static final String NAME = "latent_variable";
  /** A second fit on the source models' predictions: 1.2 fits. */
  public static final ArchitectureComponent COMPONENT = new ArchitectureComponent(NAME,
      "the sources' predictions as extra inputs of the target's model",
      Needs.of(SourceUse.SOURCE_MODELS), 1.2,
      settings -> new LatentVariable(settings.useMeasured(), settings.addSourceVariance()),
      (models, target, options, sources) -> assemble(models.get(0), target, options, sources));

  static final String ADD_SOURCE_VARIANCE = "add_source_variance";

  private final boolean useMeasured;
  private final boolean addSourceVariance;

  public LatentVariable(boolean useMeasured, boolean addSourceVariance) {
    this.useMeasured = useMeasured;
    this.addSourceVariance = addSourceVariance;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public TransferModel fit(TransferData data, Learner learner, SourceModels sources, long seed) {
    ContextSet target = data.target();
    if (sources.size() == 0) {
      throw new IllegalArgumentException(NAME + " needs at least one source context");
    }
    Latent train = augment(sources, target.keys(), target.x(), useMeasured);
    Model h = learner.fit(data.bounded(TrainingSet.of(train.x, target.y(), target.label()), 0, null), seed);
    return assemble(h, target.label(), java.util.Map.of(Difference.USE_MEASURED, Boolean.toString(useMeasured),
        ADD_SOURCE_VARIANCE, Boolean.toString(addSourceVariance)), sources);
  }

  /**
   * @param options {@code use_measured} (a measured source value replaces the source model's) and {@code
   *     add_source_variance}
   */
  static TransferModel assemble(Model h, Label target, java.util.Map<String, String> options,
      SourceEstimator sources) {
    boolean measured = Options.flag(options, Difference.USE_MEASURED);
    boolean addVariance = Options.flag(options, ADD_SOURCE_VARIANCE);
    boolean regression = !target.isClassification();
    return new Fitted(NAME, h, target, options, sources, (keys, x) -> {
      Latent latent = augment(sources, keys, x, measured);
      Prediction p = h.predict(latent.x);
      if (!regression || !addVariance) {
        return p;
      }
      double[] mean = p.mean(0);
      double[] std = p.std(0);
      double[] spread = p.spread(0);
      for (int i = 0; i < std.length; i++) {
        std[i] = Math.sqrt(std[i] * std[i] + latent.variance[i]);
        spread[i] = Math.sqrt(spread[i] * spread[i] + latent.variance[i]);
      }
      return Prediction.regression(target, mean, std, spread);
    });
  }

  /** Features followed by one column per source, and the summed variance of the predicted source values. */
  private static Latent augment(SourceEstimator sources, String[] keys, double[][] x, boolean useMeasured) {
    int k = sources.size();
    double[][] out = new double[x.length][];
    double[] variance = new double[x.length];
    SourceEstimator.Estimate[] estimates = new SourceEstimator.Estimate[k];
    for (int s = 0; s < k; s++) {
      estimates[s] = sources.estimate(s, keys, x, useMeasured);
    }
    for (int i = 0; i < x.length; i++) {
      out[i] = java.util.Arrays.copyOf(x[i], x[i].length + k);
      for (int s = 0; s < k; s++) {
        out[i][x[i].length + s] = estimates[s].mean()[i];
        variance[i] += estimates[s].std()[i] * estimates[s].std()[i];
      }
    }
    return new Latent(out, variance);
  }

  private record Latent(double[][] x, double[] variance) {}
}
