package org.transferlake.model.transfer;

import java.util.List;
import java.util.Map;
import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.Learner;
import org.transferlake.model.learn.Prediction;
import org.transferlake.model.transfer.ArchitectureComponent.Needs;
import org.transferlake.model.transfer.ArchitectureComponent.SourceUse;

/**
 * The yardstick a sceptic tries first: the source value itself, nothing learned from target rows. Predicts s, the
 * first listed source's value: the composition's measured one where the source has it (and {@code useMeasured}),
 * else the source model's prediction. A transfer architecture that does not beat it has learned nothing the
 * source did not already say.
 *
 * <p>The standard deviation is the training rows' root mean square residual t - s, one for rows whose s is measured
 * and one for rows whose s is predicted ({@link ResidualSigma}: pooling, and the fallback when no residual is above
 * 0). The source model's own σ is not added: a training row's s is predicted as a new composition's will be, by a
 * model that never saw the composition (or a cross-fitted one), so its residuals already hold the source model's
 * error, and adding that σ would count it twice. The target learner is never fitted: the units of an experiment
 * give it no hyperparameters, and its cost is the shared source models' predictions.
 */
public final class SourceOnly implements Architecture {
  public static final String NAME = "source_only";
  /** Predictions of the shared source models, nothing fitted: a hundredth of a fit. */
  public static final ArchitectureComponent COMPONENT = new ArchitectureComponent(NAME,
      "the first source's value itself (measured, else predicted), σ its training residuals' RMS: the yardstick a"
          + " transfer method must beat to have learned anything from target rows",
      new Needs(SourceUse.SOURCE_MODELS, 0, true), 0.01, false,
      settings -> new SourceOnly(settings.useMeasured()),
      (models, target, options, sources) -> assemble(target, options, sources));

  static final String SIGMA_MEASURED = "sigma_measured";
  static final String SIGMA_PREDICTED = "sigma_predicted";

  private final boolean useMeasured;

  public SourceOnly(boolean useMeasured) {
    this.useMeasured = useMeasured;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Measures the residuals of the training rows; {@code learner} and {@code seed} are not used. */
  @Override
  public TransferModel fit(TransferData data, Learner learner, SourceModels sources, long seed) {
    ContextSet target = data.target();
    if (target.label().isClassification()) {
      throw new IllegalArgumentException(NAME + ": the target " + target.context() + " is a classification context;"
          + " a source value is a number");
    }
    if (sources.size() == 0) {
      throw new IllegalArgumentException(NAME + " needs a source context");
    }
    SourceEstimator.Estimate s = sources.estimate(0, target.keys(), target.x(), useMeasured);
    ResidualSigma sigma = ResidualSigma.of(target.y(), s, sources.source(0).y());
    return assemble(target.label(), Map.of(Difference.USE_MEASURED, Boolean.toString(useMeasured),
        SIGMA_MEASURED, Double.toString(sigma.measured()), SIGMA_PREDICTED, Double.toString(sigma.predicted())),
        sources);
  }

  /**
   * @param options {@code use_measured}, and the fitted {@code sigma_measured} and {@code sigma_predicted}
   */
  static TransferModel assemble(Label label, Map<String, String> options, SourceEstimator sources) {
    boolean measured = Options.flag(options, Difference.USE_MEASURED);
    double sigmaMeasured = Options.positive(options, SIGMA_MEASURED);
    double sigmaPredicted = Options.positive(options, SIGMA_PREDICTED);
    return new Fitted(NAME, List.of(), label, options, sources, (keys, x) -> {
      SourceEstimator.Estimate s = sources.estimate(0, keys, x, measured);
      double[] std = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        std[i] = s.measured()[i] ? sigmaMeasured : sigmaPredicted;
      }
      return Prediction.regression(label, s.mean(), std);
    });
  }
}
