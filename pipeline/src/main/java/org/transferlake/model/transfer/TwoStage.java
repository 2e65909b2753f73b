package org.transferlake.model.transfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.transferlake.model.learn.Gaussian;
import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.Learner;
import org.transferlake.model.learn.Model;
import org.transferlake.model.learn.Prediction;
import org.transferlake.model.learn.TrainingSet;
import org.transferlake.model.transfer.ArchitectureComponent.Needs;
import org.transferlake.model.transfer.ArchitectureComponent.SourceUse;

/**
 * Any architecture behind a zero-or-not classifier, for targets where many values are exactly 0 (metals'
 * band gaps): a classifier P(zero | x) fitted on every target row with the same learner, and the inner
 * architecture fitted on the rows above zero. Where the inner architecture reads source models, the classifier
 * also sees the first source's value and whether it was measured (a PBE gap of 0 says "metal" in 93% of cases).
 *
 * <p>The prediction is the median of the mixture p0 · δ(0) + (1 − p0) · N(μ, σ²), stage two's mean μ and σ:
 * 0 where p0 ≥ 1/2, else stage two's quantile at (1/2 − p0) / (1 − p0), μ + σ Φ⁻¹((1/2 − p0) / (1 − p0)). The
 * median, not the mean, minimises the expected absolute error; before, μ was predicted wherever p0 ≤ 1/2. The
 * standard deviation is the mixture's root-mean-square distance from that value. p0 is taken at most n/(n + 1) and
 * at least 1/(n + 1) for a classifier trained on n rows (Laplace's rule of succession: n rows cannot make a class
 * certain), so that σ is never 0 where every tree votes zero. Named {@code two_stage_<inner>}.
 */
public final class TwoStage implements Architecture {
  public static final String PREFIX = "two_stage_";
  /**
   * Wraps any architecture. Costs a classifier on every target row and the inner architecture on the rows above
   * zero (about half).
   */
  public static final ArchitectureWrapper WRAPPER = new ArchitectureWrapper(PREFIX,
      "a zero-or-not classifier in front of the architecture, for targets where many values are exactly 0",
      inner -> new ArchitectureComponent(PREFIX + inner.name(), inner.doc() + ", behind a zero-or-not classifier",
          new Needs(inner.sourceUse(), inner.needs().maxSources(), true),
          0.8 + 0.5 * inner.costFactor(),
          settings -> new TwoStage(inner.create(settings), inner.sourceUse() == SourceUse.SOURCE_MODELS,
              settings.useMeasured()),
          (models, target, options, sources) -> assemble(PREFIX + inner.name(), models,
              inner.assemble(models.subList(0, models.size() - 1), target, options, sources), target, options,
              sources)));
  private static final Label ZERO = Label.classification("is_zero", List.of("zero", "above_zero"));
  /** Option: the rows the classifier was trained on, which bound how sure it may be. */
  static final String CLASSIFIER_ROWS = "classifier_rows";
  /** Option: the classifier's inputs end with the first source's value and 1 where it was measured, else 0. */
  static final String SEES_SOURCE = "zero_stage_sees_source";

  private final Architecture inner;
  private final boolean seesSource;
  private final boolean useMeasured;

  /**
   * @param seesSource the classifier also reads the first source's value (the inner architecture reads source models)
   * @param useMeasured that value is the measured one where the source has the composition
   */
  public TwoStage(Architecture inner, boolean seesSource, boolean useMeasured) {
    this.inner = inner;
    this.seesSource = seesSource;
    this.useMeasured = useMeasured;
  }

  @Override
  public String name() {
    return PREFIX + inner.name();
  }

  @Override
  public TransferModel fit(TransferData data, Learner learner, SourceModels sources, long seed) {
    ContextSet target = data.target();
    if (target.label().isClassification()) {
      throw new IllegalArgumentException(name() + ": the target " + target.context() + " is a classification context");
    }
    double[] zero = new double[target.rows()];
    List<Integer> above = new ArrayList<>();
    for (int i = 0; i < zero.length; i++) {
      zero[i] = target.y()[i] == 0 ? 0 : 1;
      if (target.y()[i] != 0) {
        above.add(i);
      }
    }
    if (above.isEmpty() || above.size() == zero.length) {
      throw new IllegalArgumentException(name() + ": the training rows are all " + (above.isEmpty() ? "zero" : "above"
          + " zero") + "; nothing to classify");
    }
    boolean withSource = seesSource && sources != null && sources.size() > 0;
    double[][] inputs = classifierInputs(withSource, useMeasured, sources, target.keys(), target.x());
    Model classifier = learner.fit(TrainingSet.of(inputs, zero, ZERO), Seeds.derive(seed, "zero", 0));
    ContextSet positive = target.subset(above.stream().mapToInt(Integer::intValue).toArray());
    TransferModel second = inner.fit(new TransferData(positive, data.sources(), data.range()), learner, sources, seed);
    List<Model> models = new ArrayList<>(second.models());
    models.add(classifier);
    Map<String, String> options = new HashMap<>(second.options());
    options.put(CLASSIFIER_ROWS, Integer.toString(target.rows()));
    options.put(SEES_SOURCE, Boolean.toString(withSource));
    options.put(Difference.USE_MEASURED, Boolean.toString(useMeasured));
    return assemble(name(), models, second, target.label(), options, second.sources());
  }

  /** The features, then (when the classifier sees the source) the first source's value and whether it was measured. */
  private static double[][] classifierInputs(boolean withSource, boolean useMeasured, SourceEstimator sources,
      String[] keys, double[][] x) {
    if (!withSource) {
      return x;
    }
    SourceEstimator.Estimate s = sources.estimate(0, keys, x, useMeasured);
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      out[i] = java.util.Arrays.copyOf(x[i], x[i].length + 2);
      out[i][x[i].length] = s.mean()[i];
      out[i][x[i].length + 1] = s.measured()[i] ? 1 : 0;
    }
    return out;
  }

  /**
   * @param models the inner architecture's models, then the classifier
   * @param second the inner architecture, fitted with those models
   */
  static TransferModel assemble(String name, List<Model> models, TransferModel second, Label target,
      Map<String, String> options, SourceEstimator sources) {
    Model classifier = models.get(models.size() - 1);
    // Models saved before these options existed: no bound, features only, as they predicted then.
    String rows = options.get(CLASSIFIER_ROWS);
    double certain = rows == null ? 1 : Double.parseDouble(rows) / (Double.parseDouble(rows) + 1);
    boolean withSource = options.containsKey(SEES_SOURCE) && Options.flag(options, SEES_SOURCE);
    boolean measured = withSource && Options.flag(options, Difference.USE_MEASURED);
    return new Fitted(name, models, target, new HashMap<>(options), sources, (keys, x) -> {
      double[][] p = classifier.predict(classifierInputs(withSource, measured, sources, keys, x)).probabilities(0);
      Prediction positive = second.predict(keys, x);
      double[] mu = positive.mean(0);
      double[] sd = positive.std(0);
      double[] spread = positive.spread(0);
      double[] mean = new double[x.length];
      double[] std = new double[x.length];
      double[] rawStd = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        double p0 = Math.max(1 - certain, Math.min(certain, p[i][0]));
        mean[i] = median(p0, mu[i], sd[i]);
        std[i] = mixtureStd(p0, mu[i], sd[i], mean[i]);
        rawStd[i] = mixtureStd(p0, mu[i], spread[i], mean[i]);
      }
      return Prediction.regression(target, mean, std, rawStd);
    });
  }

  /** The root-mean-square distance of p0 · δ(0) + (1 − p0) · N(mu, sd²) from {@code about}. */
  static double mixtureStd(double p0, double mu, double sd, double about) {
    return Math.sqrt(p0 * about * about + (1 - p0) * (sd * sd + (mu - about) * (mu - about)));
  }

  /** The median of p0 · δ(0) + (1 − p0) · N(mu, sd²), stage two's mass below 0 not folded back. */
  static double median(double p0, double mu, double sd) {
    if (p0 >= 0.5) {
      return 0;
    }
    double q = (0.5 - p0) / (1 - p0);
    return sd > 0 && q > 0 ? mu + sd * Gaussian.quantile(q) : mu;
  }
}
