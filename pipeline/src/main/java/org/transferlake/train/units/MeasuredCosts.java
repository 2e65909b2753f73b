package org.transferlake.train.units;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.transferlake.model.components.Components;
import org.transferlake.model.transfer.ArchitectureComponent;

/**
 * How far this machine's recent fits ({@code fit_seconds} in lake.results.metrics) stand from the learners' declared
 * costs ({@code FitCosts}): per learner, a scale and, where the fits span enough sizes, an exponent in rows, by least
 * squares on log(measured / declared) against log(rows). A learner with fewer than {@link #MIN_FITS} fits keeps the
 * declared cost. The same fits give the same corrections, in whatever order they come.
 */
public final class MeasuredCosts implements java.io.Serializable {
  /** Fewer fits than this of a learner, and its declared cost stands. */
  public static final int MIN_FITS = 20;
  /** The most recent fits per learner that count. */
  static final int MAX_FITS = 2000;
  /** The exponent is fitted only when the largest fit has this many times the rows of the smallest. */
  static final double MIN_ROWS_SPAN = 4;
  /** The fitted exponent is kept within ± this: the fits seldom reach the sizes that union architectures pool. */
  static final double MAX_EXPONENT = 0.5;

  /**
   * A unit's fit as a metrics row records it.
   *
   * @param startedAt the start of its run, in seconds since the epoch: later runs count first
   * @param rows target rows trained on ({@code n_train})
   */
  public record Fit(String runId, String unitId, long startedAt, String architecture, String learner, String params,
      int rows, double seconds) {}

  /** measured / declared = scale × (rows / centre)^exponent, from {@code fits} fits. */
  record Correction(double scale, double exponent, double centre, int fits) implements java.io.Serializable {
    double at(double rows) {
      return scale * Math.pow(Math.max(rows, 1) / centre, exponent);
    }
  }

  private final Map<String, Correction> byLearner;
  private final int days;
  private final double speed;

  private MeasuredCosts(Map<String, Correction> byLearner, int days, double speed) {
    this.byLearner = byLearner;
    this.days = days;
    this.speed = speed;
  }

  /** The declared costs, unchanged. */
  public static MeasuredCosts declared() {
    return new MeasuredCosts(Map.of(), 0, 1);
  }

  /**
   * @param fits the fits of the runs of the last {@code days} days, any order; rows of an architecture that pools
   *     source rows, an unknown learner or architecture, or no positive time are left out
   */
  public static MeasuredCosts of(List<Fit> fits, int days) {
    Map<String, List<double[]>> points = new TreeMap<>();
    fits.stream().sorted(Comparator.comparingLong(Fit::startedAt).reversed().thenComparing(Fit::runId)
        .thenComparing(Fit::unitId)).forEach(f -> {
          double declared = declaredSeconds(f);
          List<double[]> list = points.computeIfAbsent(f.learner(), k -> new ArrayList<>());
          if (declared > 0 && f.seconds() > 0 && f.rows() > 0 && list.size() < MAX_FITS) {
            list.add(new double[] {Math.log(f.rows()), Math.log(f.seconds() / declared), f.seconds(), declared});
          }
        });
    Map<String, Correction> byLearner = new TreeMap<>();
    double[] measuredAndDeclared = new double[2];
    points.forEach((learner, p) -> {
      if (p.size() >= MIN_FITS) {
        byLearner.put(learner, fit(p));
        p.forEach(v -> {
          measuredAndDeclared[0] += v[2];
          measuredAndDeclared[1] += v[3];
        });
      }
    });
    double speed = byLearner.isEmpty() ? 1 : measuredAndDeclared[0] / measuredAndDeclared[1];
    return new MeasuredCosts(byLearner, days, speed);
  }

  /** The factor on a fit's declared seconds: 1 for a learner without enough fits. */
  public double factor(String learner, double rows) {
    Correction c = byLearner.get(learner);
    return c == null ? 1 : c.at(rows);
  }

  /** Whether any learner's cost comes from measured fits. */
  public boolean measured() {
    return !byLearner.isEmpty();
  }

  /**
   * How much slower this machine ran than the declared costs: the measured fits' seconds over their declared seconds,
   * every learner measured together, so that the longest fits weigh most (1 with the declared costs). It scales the
   * work around the fits too.
   */
  public double speed() {
    return speed;
  }

  /** Where the costs come from, as the dry run says it. */
  public String describe() {
    if (byLearner.isEmpty()) {
      return "from the built-in constants";
    }
    int n = byLearner.values().stream().mapToInt(Correction::fits).sum();
    List<String> each = new ArrayList<>();
    byLearner.forEach((learner, c) -> each.add(String.format(Locale.ROOT, "%s x%.2f%s", learner, c.scale(),
        c.exponent() == 0 ? "" : String.format(Locale.ROOT, " at %.0f rows, rows^%+.2f", c.centre(), c.exponent()))));
    return String.format(Locale.ROOT, "from %d fits in this lake's runs of the last %d days (%s; other learners"
        + " from the built-in constants; the work around the fits x%.2f)", n, days, String.join(", ", each), speed());
  }

  Correction correction(String learner) {
    return byLearner.get(learner);
  }

  /** The declared seconds of the fit, or 0 where its learner, architecture or params are not known now. */
  private static double declaredSeconds(Fit f) {
    try {
      ArchitectureComponent a = Components.architecture(f.architecture());
      if (a.sourceUse() == ArchitectureComponent.SourceUse.POOLS_ROWS || !a.usesLearner()) {
        return 0; // its rows are not n_train, or it fits no learner
      }
      Map<String, String> params = new TreeMap<>();
      for (String kv : f.params() == null || f.params().isEmpty() ? new String[0] : f.params().split(",")) {
        int eq = kv.indexOf('=');
        params.put(kv.substring(0, eq), kv.substring(eq + 1)); // as ParamsText writes them
      }
      params.remove(WorkUnit.FEATURES);
      return Components.learner(f.learner()).fitSeconds(params, f.rows()) * a.costFactor();
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      return 0; // a learner, architecture or hyperparameter of an older version
    }
  }

  /** Least squares of y on x (x centred), the exponent only where the sizes span enough and within its bounds. */
  private static Correction fit(List<double[]> p) {
    double minX = p.stream().mapToDouble(v -> v[0]).min().orElseThrow();
    double maxX = p.stream().mapToDouble(v -> v[0]).max().orElseThrow();
    double meanX = p.stream().mapToDouble(v -> v[0]).sum() / p.size();
    double meanY = p.stream().mapToDouble(v -> v[1]).sum() / p.size();
    double slope = 0;
    if (maxX - minX >= Math.log(MIN_ROWS_SPAN)) {
      double sxy = p.stream().mapToDouble(v -> (v[0] - meanX) * (v[1] - meanY)).sum();
      double sxx = p.stream().mapToDouble(v -> (v[0] - meanX) * (v[0] - meanX)).sum();
      slope = Math.max(-MAX_EXPONENT, Math.min(MAX_EXPONENT, sxy / sxx));
    }
    return new Correction(Math.exp(meanY), slope, Math.exp(meanX), p.size());
  }
}
