package org.transferlake.model.transfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.Learner;
import org.transferlake.model.learn.Model;
import org.transferlake.model.learn.Prediction;
import org.transferlake.model.learn.SigmaCalibration;
import org.transferlake.model.learn.ValueRange;
import org.transferlake.model.transfer.ArchitectureComponent.Needs;
import org.transferlake.model.transfer.ArchitectureComponent.SourceUse;

/**
 * A learned combination of an architecture with both yardsticks, for numeric targets: the members are the inner
 * architecture, {@code target_only} and {@code source_only} (each once), and the prediction is their weighted mean
 * with non-negative weights summing to 1. The weights are fitted on out-of-fold predictions ({@value #FOLDS} folds of
 * the training rows by composition key, seeded from the unit's seed), by least squares on the simplex ({@link
 * SimplexLeastSquares}); the members are then refitted on every training row with the unit's seed (a member of
 * weight 0 is not). With few target rows the learned members predict their held-out rows badly and the weight
 * moves to {@code source_only} by itself. Two guards keep it there where the rows cannot tell: the fitted weights
 * are used only where their out-of-fold MAE is below source_only's by more than one standard error of the paired
 * differences (else source_only alone; the fitted weights are saved as {@code stacked_fitted_weights}), and below
 * {@value #MIN_KEYS_PER_FOLD} compositions per fold nothing is fitted and source_only takes all the weight. Named
 * {@code stacked_<inner>}.
 *
 * <p>Each member's mean is moved into the target's range before it is weighed, as it would be used alone. The
 * standard deviation is the spread of the members' mixture, sqrt(sum w_j (σ_j² + (μ_j - μ)²)), so that where the
 * members disagree the prediction is less sure, calibrated ({@link SigmaCalibration}) on the out-of-fold errors of
 * the weighted mean: about 68% of them within 1σ. The weights are saved with the model ({@code stacked_weights}
 * among its options) and logged.
 */
public final class Stacked implements Architecture {
  public static final String PREFIX = "stacked_";
  /** Inner folds the weights are fitted on. */
  static final int FOLDS = 3;
  /** Fewer distinct compositions per fold than this, and {@code source_only} alone is used. */
  static final int MIN_KEYS_PER_FOLD = 2;
  /**
   * Wraps any architecture. Costs each learned member {@value #FOLDS} times its own factor: {@value #FOLDS} fits on
   * (k - 1)/k of the rows, about k - 1 fits on all of them, and the refit on all rows.
   */
  public static final ArchitectureWrapper WRAPPER = new ArchitectureWrapper(PREFIX,
      "a learned combination of the architecture with target_only and source_only: weights on the simplex fitted"
          + " to " + FOLDS + "-fold out-of-fold predictions, so that with few target rows it leans on the source",
      Stacked::component);

  static final String WEIGHTS = "stacked_weights";
  /** The least-squares weights before the check against source_only (saved for the record, not read back). */
  static final String FITTED_WEIGHTS = "stacked_fitted_weights";
  static final String MODELS = "stacked_models";
  static final String SIGMA_RATIO = "stacked_sigma_ratio";
  static final String SIGMA_FLOOR = "stacked_sigma_floor";
  static final String RANGE_MIN = "stacked_range_min";
  static final String RANGE_MAX = "stacked_range_max";
  private static final Logger LOG = LoggerFactory.getLogger(Stacked.class);

  private final String name;
  private final List<ArchitectureComponent> components;
  private final List<String> names;
  private final List<Architecture> members;

  /** Stacks {@code inner} (a registered architecture, or a wrapped one) with the yardsticks. */
  public Stacked(ArchitectureComponent inner, ArchitectureSettings settings) {
    this.name = PREFIX + inner.name();
    this.components = members(inner);
    this.names = components.stream().map(ArchitectureComponent::name).toList();
    this.members = components.stream().map(c -> c.create(settings)).toList();
  }

  /** The inner architecture, then {@code target_only} and {@code source_only}, each once. */
  static List<ArchitectureComponent> members(ArchitectureComponent inner) {
    Map<String, ArchitectureComponent> out = new LinkedHashMap<>();
    for (ArchitectureComponent c : List.of(inner, TargetOnly.COMPONENT, SourceOnly.COMPONENT)) {
      out.putIfAbsent(c.name(), c);
    }
    return List.copyOf(out.values());
  }

  private static ArchitectureComponent component(ArchitectureComponent inner) {
    List<ArchitectureComponent> members = members(inner);
    double cost = members.stream().mapToDouble(m -> FOLDS * m.costFactor()).sum();
    // a pooling inner architecture needs the pooled rows; source_only reads the shared source models either way
    SourceUse use = inner.sourceUse() == SourceUse.POOLS_ROWS ? SourceUse.POOLS_ROWS : SourceUse.SOURCE_MODELS;
    return new ArchitectureComponent(PREFIX + inner.name(), inner.doc() + ", stacked with target_only and"
        + " source_only by weights learned out of fold", new Needs(use, inner.needs().maxSources(), true), cost,
        settings -> new Stacked(inner, settings),
        (models, target, options, sources) -> assemble(PREFIX + inner.name(), members, models, target, options,
            sources));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public TransferModel fit(TransferData data, Learner learner, SourceModels sources, long seed) {
    ContextSet target = data.target();
    if (target.label().isClassification()) {
      throw new IllegalArgumentException(name + ": the target " + target.context() + " is a classification context;"
          + " stacking weighs numeric predictions");
    }
    if (sources.size() == 0) {
      throw new IllegalArgumentException(name + " needs a source context (its source_only member)");
    }
    int m = members.size();
    double[] weights = new double[m];
    SigmaCalibration calibration = SigmaCalibration.NONE;
    int keys = OutOfFold.distinctKeys(target.keys());
    int sourceOnly = names.indexOf(SourceOnly.NAME);
    Map<String, String> options = new HashMap<>();
    if (keys < FOLDS * MIN_KEYS_PER_FOLD) {
      weights[sourceOnly] = 1;
    } else {
      int[] folds = OutOfFold.foldsByKey(target.keys(), FOLDS, Seeds.derive(seed, "stacked-folds", 0));
      OutOfFold oof = OutOfFold.of(members, data, learner, sources, folds, FOLDS, seed);
      double[] fitted = fitWeights(oof, target.y());
      options.put(FITTED_WEIGHTS, weightsText(names, fitted));
      weights[sourceOnly] = 1;
      if (beatsSource(target.y(), oof.mean()[sourceOnly], combined(oof, fitted))) {
        weights = fitted;
      } else if (fitted[sourceOnly] < 1) {
        LOG.info("{}: weights {} do not beat source_only out of fold by a standard error; source_only alone", name,
            readable(names, fitted));
      }
      calibration = calibrate(oof, target.y(), weights);
    }
    List<Model> models = new ArrayList<>();
    List<String> counts = new ArrayList<>();
    for (int j = 0; j < m; j++) {
      int count = 0;
      if (weights[j] > 0) {
        TransferModel fitted = members.get(j).fit(data, learner, sources, seed);
        models.addAll(fitted.models());
        count = fitted.models().size();
        String prefix = names.get(j) + ".";
        fitted.options().forEach((k, v) -> options.put(prefix + k, v));
      }
      counts.add(Integer.toString(count));
    }
    options.put(WEIGHTS, weightsText(names, weights));
    options.put(MODELS, String.join(",", counts));
    options.put(SIGMA_RATIO, Double.toString(calibration.ratio()));
    options.put(SIGMA_FLOOR, Double.toString(calibration.floor()));
    options.put(RANGE_MIN, Double.toString(data.range().min()));
    options.put(RANGE_MAX, Double.toString(data.range().max()));
    LOG.info("{} on {} training rows ({} compositions): weights {}", name, target.rows(), keys,
        readable(names, weights));
    return assemble(name, components, models, target.label(), options, sources);
  }

  /** Least squares on the simplex over the members that predicted every fold. */
  private double[] fitWeights(OutOfFold oof, double[] y) {
    List<Integer> usable = new ArrayList<>();
    for (int j = 0; j < members.size(); j++) {
      if (oof.failed()[j]) {
        LOG.warn("{}: member {} refused an inner fold's rows; its weight is 0", name, names.get(j));
      } else {
        usable.add(j);
      }
    }
    double[][] p = usable.stream().map(j -> oof.mean()[j]).toArray(double[][]::new);
    double[] w = SimplexLeastSquares.weights(p, y);
    double[] weights = new double[members.size()];
    for (int u = 0; u < usable.size(); u++) {
      weights[usable.get(u)] = w[u];
    }
    return weights;
  }

  /**
   * Whether the weighted mean's out-of-fold absolute errors are below source_only's by more than one standard error
   * of their paired differences: the weights were fitted on these rows, and with a few dozen of them a lucky few
   * can tilt the fit away from the source, which the test rows then punish.
   */
  static boolean beatsSource(double[] y, double[] source, double[] stacked) {
    int n = y.length;
    if (n < 2) {
      return false;
    }
    double[] d = new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      d[i] = Math.abs(y[i] - source[i]) - Math.abs(y[i] - stacked[i]);
      mean += d[i] / n;
    }
    double squares = 0;
    for (double v : d) {
      squares += (v - mean) * (v - mean);
    }
    return mean > Math.sqrt(squares / (n - 1) / n);
  }

  private static double[] combined(OutOfFold oof, double[] weights) {
    int n = oof.mean()[0].length;
    double[] out = new double[n];
    double[] mu = new double[weights.length];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < weights.length; j++) {
        mu[j] = oof.mean()[j][i];
      }
      out[i] = weightedMean(weights, mu);
    }
    return out;
  }

  /**
   * The calibration of the mixture's spread on the out-of-fold errors of the weighted mean. Its floor is 0 only
   * where every such error was 0; then it is the smallest spread above 0 (or the smallest positive double), so
   * that σ is never 0.
   */
  private static SigmaCalibration calibrate(OutOfFold oof, double[] y, double[] weights) {
    double[] errors = new double[y.length];
    double[] spreads = new double[y.length];
    double smallest = Double.POSITIVE_INFINITY;
    for (int i = 0; i < y.length; i++) {
      double[] mu = new double[weights.length];
      double[] sd = new double[weights.length];
      for (int j = 0; j < weights.length; j++) {
        mu[j] = oof.mean()[j][i];
        sd[j] = oof.std()[j][i];
      }
      double mean = weightedMean(weights, mu);
      errors[i] = y[i] - mean;
      spreads[i] = mixtureSpread(weights, mu, sd, mean);
      smallest = spreads[i] > 0 ? Math.min(smallest, spreads[i]) : smallest;
    }
    SigmaCalibration c = SigmaCalibration.fit(errors, spreads);
    if (c.floor() > 0) {
      return c;
    }
    return new SigmaCalibration(c.ratio(), Double.isFinite(smallest) ? smallest : Double.MIN_NORMAL);
  }

  /**
   * @param components the members, in order, to assemble from saved parts (each refitted member's own part of
   *     {@code models} and its options, prefixed by its name)
   */
  static TransferModel assemble(String name, List<ArchitectureComponent> components, List<Model> models, Label target,
      Map<String, String> options, SourceEstimator sources) {
    List<String> names = components.stream().map(ArchitectureComponent::name).toList();
    double[] weights = parseWeights(options.get(WEIGHTS), names);
    String[] counts = String.valueOf(options.get(MODELS)).split(",");
    if (counts.length != names.size()) {
      throw new IllegalArgumentException("option " + MODELS + " = " + options.get(MODELS) + ": expected "
          + names.size() + " counts");
    }
    List<TransferModel> fitted = new ArrayList<>();
    int from = 0;
    for (int j = 0; j < names.size(); j++) {
      int count = Integer.parseInt(counts[j]);
      if (weights[j] > 0) {
        String prefix = names.get(j) + ".";
        Map<String, String> own = new HashMap<>();
        options.forEach((k, v) -> {
          if (k.startsWith(prefix)) {
            own.put(k.substring(prefix.length()), v);
          }
        });
        fitted.add(components.get(j).assemble(models.subList(from, from + count), target, own, sources));
      } else {
        fitted.add(null);
      }
      from += count;
    }
    if (from != models.size()) {
      throw new IllegalArgumentException(name + ": " + models.size() + " models saved, " + from + " expected");
    }
    return combine(name, fitted, weights, models, target, options, sources);
  }

  private static TransferModel combine(String name, List<TransferModel> fitted, double[] weights, List<Model> models,
      Label target, Map<String, String> options, SourceEstimator sources) {
    SigmaCalibration calibration = new SigmaCalibration(number(options, SIGMA_RATIO), number(options, SIGMA_FLOOR));
    ValueRange range = new ValueRange(number(options, RANGE_MIN), number(options, RANGE_MAX));
    return new Fitted(name, models, target, options, sources, (keys, x) -> {
      double[][] mu = new double[weights.length][];
      double[][] sd = new double[weights.length][];
      double[][] rawSd = new double[weights.length][];
      for (int j = 0; j < weights.length; j++) {
        if (weights[j] > 0) {
          Prediction p = fitted.get(j).predict(keys, x);
          ValueRange.Within used = range.apply(p.mean(0), p.std(0));
          mu[j] = used.mean();
          sd[j] = used.std();
          rawSd[j] = range.apply(p.mean(0), p.spread(0)).std();
        }
      }
      double[] mean = new double[x.length];
      double[] std = new double[x.length];
      double[] spread = new double[x.length];
      double[] m = new double[weights.length];
      double[] s = new double[weights.length];
      double[] r = new double[weights.length];
      for (int i = 0; i < x.length; i++) {
        for (int j = 0; j < weights.length; j++) {
          m[j] = weights[j] > 0 ? mu[j][i] : 0;
          s[j] = weights[j] > 0 ? sd[j][i] : 0;
          r[j] = weights[j] > 0 ? rawSd[j][i] : 0;
        }
        mean[i] = weightedMean(weights, m);
        std[i] = calibration.sigma(mixtureSpread(weights, m, s, mean[i]));
        spread[i] = mixtureSpread(weights, m, r, mean[i]);
      }
      return Prediction.regression(target, mean, std, spread);
    });
  }

  static double weightedMean(double[] w, double[] mu) {
    double mean = 0;
    for (int j = 0; j < w.length; j++) {
      mean += w[j] > 0 ? w[j] * mu[j] : 0;
    }
    return mean;
  }

  /** The standard deviation of the members' mixture about its mean. */
  static double mixtureSpread(double[] w, double[] mu, double[] sd, double mean) {
    double v = 0;
    for (int j = 0; j < w.length; j++) {
      v += w[j] > 0 ? w[j] * (sd[j] * sd[j] + (mu[j] - mean) * (mu[j] - mean)) : 0;
    }
    return Math.sqrt(v);
  }

  /** {@code name=weight,...} in member order, each weight exactly as fitted. */
  static String weightsText(List<String> names, double[] weights) {
    List<String> parts = new ArrayList<>();
    for (int j = 0; j < names.size(); j++) {
      parts.add(names.get(j) + "=" + weights[j]);
    }
    return String.join(",", parts);
  }

  private static String readable(List<String> names, double[] weights) {
    List<String> parts = new ArrayList<>();
    for (int j = 0; j < names.size(); j++) {
      parts.add(names.get(j) + " " + String.format(Locale.ROOT, "%.3f", weights[j]));
    }
    return String.join(", ", parts);
  }

  /** The weights of {@link #weightsText}, checked against the members' names. */
  static double[] parseWeights(String text, List<String> names) {
    String[] parts = String.valueOf(text).split(",");
    double[] out = new double[names.size()];
    double sum = 0;
    boolean ok = parts.length == names.size();
    for (int j = 0; ok && j < parts.length; j++) {
      String[] pair = parts[j].split("=", 2);
      ok = pair.length == 2 && pair[0].equals(names.get(j));
      try {
        out[j] = ok ? Double.parseDouble(pair[1]) : 0;
      } catch (NumberFormatException e) {
        ok = false;
      }
      ok &= out[j] >= 0 && Double.isFinite(out[j]);
      sum += out[j];
    }
    if (!ok || Math.abs(sum - 1) > 1e-9) {
      throw new IllegalArgumentException("option " + WEIGHTS + " = " + text + ": expected weights of "
          + String.join(", ", names) + ", each 0 or more, summing to 1");
    }
    return out;
  }

  private static double number(Map<String, String> options, String key) {
    try {
      return Double.parseDouble(String.valueOf(options.get(key)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("option " + key + " = " + options.get(key) + ": expected a number");
    }
  }
}
