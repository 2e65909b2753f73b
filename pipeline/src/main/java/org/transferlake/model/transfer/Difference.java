package org.transferlake.model.transfer;

import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.Learner;
import org.transferlake.model.learn.Model;
import org.transferlake.model.learn.Prediction;
import org.transferlake.model.learn.TrainingSet;
import org.transferlake.model.transfer.ArchitectureComponent.Needs;
import org.transferlake.model.transfer.ArchitectureComponent.SourceUse;

/**
 * The difference architecture: a source model f_s, and g fitted on target rows to r = t - s, where s is the
 * composition's measured source value when it has one (and {@code useMeasured}), else f_s(x) from a model that
 * never saw the composition. Predicts s + g(x) with g's standard deviation: g's calibration on held-out rows
 * already holds the error of the predicted s of training compositions the source lacks, as a new composition's s is
 * predicted. With {@code addSourceVariance} the source's variance adds to g's (before, always: over-covered,
 * 75-81% of study 1's test rows within 1σ).
 */
public final class Difference implements Architecture {
  public static final String NAME = "difference";
  /** A second fit on the source models' predictions: 1.2 fits. */
  public static final ArchitectureComponent COMPONENT = new ArchitectureComponent(NAME,
      "the target minus one source's prediction, learned",
      new Needs(SourceUse.SOURCE_MODELS, 1, true), 1.2,
      settings -> new Difference(settings.useMeasured(), settings.addSourceVariance()),
      (models, target, options, sources) -> assemble(models.get(0), target, options, sources));

  static final String USE_MEASURED = "use_measured";

  private final boolean useMeasured;
  private final boolean addSourceVariance;

  public Difference(boolean useMeasured, boolean addSourceVariance) {
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
    if (target.label().isClassification()) {
      throw new IllegalArgumentException(NAME + ": the target " + target.context() + " is a classification context;"
          + " a difference needs numbers");
    }
    if (sources.size() != 1) {
      throw new IllegalArgumentException(NAME + " takes exactly one source context (got " + sources.size()
          + "); use latent_variable for several");
    }
    SourceEstimator.Estimate s = sources.estimate(0, target.keys(), target.x(), useMeasured);
    double[] residual = new double[target.rows()];
    for (int i = 0; i < residual.length; i++) {
      residual[i] = target.y()[i] - s.mean()[i];
    }
    Model g = learner.fit(data.bounded(TrainingSet.of(target.x(), residual, Label.regression("residual")), 0, s.mean()),
        seed);
    return assemble(g, target.label(), java.util.Map.of(USE_MEASURED, Boolean.toString(useMeasured),
        LatentVariable.ADD_SOURCE_VARIANCE, Boolean.toString(addSourceVariance)), sources);
  }

  /**
   * @param options {@code use_measured}: a composition's measured source value replaces the source model's;
   *     {@code add_source_variance} (absent in models saved before it: true, as they predicted)
   */
  static TransferModel assemble(Model g, Label label, java.util.Map<String, String> options, SourceEstimator sources) {
    boolean measured = Options.flag(options, USE_MEASURED);
    boolean addVariance = !options.containsKey(LatentVariable.ADD_SOURCE_VARIANCE)
        || Options.flag(options, LatentVariable.ADD_SOURCE_VARIANCE);
    return new Fitted(NAME, g, label, options, sources, (keys, x) -> {
      SourceEstimator.Estimate source = sources.estimate(0, keys, x, measured);
      Prediction correction = g.predict(x);
      double[] mean = correction.mean(0);
      double[] std = correction.std(0);
      double[] spread = correction.spread(0);
      double[] outMean = new double[x.length];
      double[] outStd = new double[x.length];
      double[] outSpread = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        outMean[i] = source.mean()[i] + mean[i];
        outStd[i] = addVariance ? Math.hypot(source.std()[i], std[i]) : std[i];
        outSpread[i] = addVariance ? Math.hypot(source.std()[i], spread[i]) : spread[i];
      }
      return Prediction.regression(label, outMean, outStd, outSpread);
    });
  }
}
