package org.transferlake.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.transferlake.lake.Metric;
import org.transferlake.model.components.Components;

/** What a report says about a run's chosen units and their predictions: summaries, curves, splits, calibration. */
final class Summaries {
  /** Scores summarised per kind of target: every classification metric; of regression's, not max_error, mean_sd. */
  public static final List<String> REGRESSION_SCORES = columns(List.of(Metric.MAE, Metric.RMSE, Metric.R2,
      Metric.WITHIN_1SD, Metric.WITHIN_2SD));
  public static final List<String> CLASSIFICATION_SCORES = columns(Metric.of(Metric.Task.CLASSIFICATION));
  /** Share of exact zeros among the test actuals from which MAE is split at zero (band gaps: metals). */
  public static final double ZERO_SHARE = 0.2;
  /** Coverage levels of the calibration curve. */
  public static final double[] LEVELS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95};
  /** Two-sided level of the accuracy interval. */
  public static final double CONFIDENCE = 0.95;

  private Summaries() {}

  private static List<String> columns(List<Metric> metrics) {
    return metrics.stream().map(Metric::column).toList();
  }

  /**
   * One model's scores over folds and repeats.
   *
   * @param testRows test rows pooled over the folds (per repeat)
   * @param relativeChange regression: (score - target_only's) / target_only's, for mae and rmse; empty when the run
   *     has no target_only with this learner
   * @param accuracyDifference classification: accuracy minus target_only's (null without target_only)
   * @param correct classification: correctly labelled test rows pooled over the folds (per repeat)
   * @param accuracyInterval classification: Wilson interval of the pooled accuracy
   */
  public record ModelSummary(ModelKey model, int folds, int repeats, int testRows, Map<String, Stat> scores,
      Map<String, Double> relativeChange, Double accuracyDifference, Long correct,
      Intervals.Interval accuracyInterval) {}

  /** A learning curve's point: the mean rows trained on at a requested size, and the score over folds. */
  public record CurvePoint(ModelKey model, int size, double trainRows, Stat score) {}

  /** MAE over the test rows whose actual value is exactly zero, and over the others. */
  public record ZeroSplit(ModelKey model, int zeroRows, double zeroMae, int positiveRows, double positiveMae) {}

  /**
   * Observed coverage of mean ± z·σ at each of {@link #LEVELS}, of mean ± σ ({@code withinOneSigma}, 68% for a
   * calibrated Gaussian), and the rows whose σ is 0.
   *
   * @param withinOneSpread the share within 1σ before calibration (NaN where the run kept no such σ)
   * @param withinOneSigmaNonZero the share within 1σ of the rows whose actual value is not 0 (NaN where none is):
   *     a two-stage mixture predicts 0 for most actual zeros, an error of 0 that any σ covers
   */
  public record Calibration(ModelKey model, int rows, double[] observed, double withinOneSigma,
      double withinOneSpread, double withinOneSigmaNonZero, int zeroSigma) {
    /** The observed coverage at one of {@link #LEVELS}. */
    public double at(double level) {
      for (int i = 0; i < LEVELS.length; i++) {
        if (LEVELS[i] == level) {
          return observed[i];
        }
      }
      throw new IllegalArgumentException("no calibration level " + level);
    }
  }

  /** Equal-width bins of the predicted class's probability in the reliability diagram. */
  public static final int RELIABILITY_BINS = 10;

  /** The test rows whose predicted class's probability fell in one bin: their mean probability and accuracy. */
  public record ConfidenceBin(int rows, double meanConfidence, double accuracy) {}

  /**
   * How far a classifier's probabilities can be trusted: per bin of the predicted class's probability, how often the
   * label was right; the expected calibration error (ECE) is the rows-weighted mean |accuracy - confidence|.
   */
  public record Reliability(ModelKey model, int rows, double meanConfidence, double accuracy, double expectedError,
      List<ConfidenceBin> bins) {}

  /** Per model, the chosen units at {@code size} summarised; {@code predictions} are those units' predictions. */
  public static List<ModelSummary> models(List<UnitMetrics> chosen, int size, List<TestPrediction> predictions) {
    Map<ModelKey, List<UnitMetrics>> byModel = byModel(chosen, size);
    boolean classification = chosen.stream().anyMatch(UnitMetrics::classification);
    List<String> names = classification ? CLASSIFICATION_SCORES : REGRESSION_SCORES;
    Map<ModelKey, long[]> correct = new TreeMap<>();
    for (TestPrediction p : predictions) {
      long[] c = correct.computeIfAbsent(ModelKey.of(p), k -> new long[2]);
      c[0] += Objects.equals(p.actualLabel(), p.predictedLabel()) ? 1 : 0;
      c[1]++;
    }
    Map<ModelKey, Map<String, Stat>> scores = new LinkedHashMap<>();
    byModel.forEach((model, units) -> {
      Map<String, Stat> s = new LinkedHashMap<>();
      for (String name : names) {
        s.put(name, Stat.of(units.stream().map(u -> u.score(name)).filter(Objects::nonNull)
            .filter(v -> !v.isNaN()).toList()));
      }
      scores.put(model, s);
    });
    List<ModelSummary> out = new ArrayList<>();
    byModel.forEach((model, units) -> {
      int repeats = (int) units.stream().mapToInt(UnitMetrics::repeat).distinct().count();
      int folds = (int) units.stream().mapToInt(UnitMetrics::fold).distinct().count();
      int testRows = units.stream().mapToInt(UnitMetrics::nTest).sum() / repeats;
      Map<String, Stat> own = scores.get(model);
      Map<String, Stat> baseline = scores.get(new ModelKey(Components.YARDSTICK, model.learner()));
      Map<String, Double> change = new LinkedHashMap<>();
      Double accuracyDifference = null;
      Long right = null;
      Intervals.Interval interval = null;
      if (classification) {
        if (baseline != null) {
          String accuracy = Metric.ACCURACY.column();
          accuracyDifference = own.get(accuracy).mean() - baseline.get(accuracy).mean();
        }
        long[] c = correct.get(model);
        if (c != null && c[1] > 0) {
          right = Math.round((double) c[0] / repeats);
          interval = Intervals.wilson(right, Math.round((double) c[1] / repeats), CONFIDENCE);
        }
      } else if (baseline != null) {
        for (String name : columns(List.of(Metric.MAE, Metric.RMSE))) {
          double base = baseline.get(name).mean();
          change.put(name, (own.get(name).mean() - base) / base);
        }
      }
      out.add(new ModelSummary(model, folds, repeats, testRows, own, change, accuracyDifference, right, interval));
    });
    return out;
  }

  /** Per model and requested size, the score over the chosen units; sizes in the order of the rows trained on. */
  public static List<CurvePoint> learningCurve(List<UnitMetrics> chosen, String score) {
    Map<ModelKey, Map<Integer, List<UnitMetrics>>> grouped = new TreeMap<>();
    for (UnitMetrics m : chosen) {
      grouped.computeIfAbsent(ModelKey.of(m), k -> new TreeMap<>()).computeIfAbsent(m.size(), k -> new ArrayList<>())
          .add(m);
    }
    List<CurvePoint> out = new ArrayList<>();
    grouped.forEach((model, bySize) -> {
      List<CurvePoint> points = new ArrayList<>();
      bySize.forEach((size, units) -> points.add(new CurvePoint(model, size,
          units.stream().mapToInt(UnitMetrics::nTrain).average().orElse(Double.NaN),
          Stat.of(units.stream().map(u -> u.score(score)).filter(Objects::nonNull).toList()))));
      points.sort(Comparator.comparingDouble(CurvePoint::trainRows));
      out.addAll(points);
    });
    return out;
  }

  /** Share of the predictions' actual values that are exactly zero. */
  public static double zeroShare(List<TestPrediction> predictions) {
    long withActual = predictions.stream().filter(p -> p.actual() != null).count();
    long zeros = predictions.stream().filter(p -> p.actual() != null && p.actual() == 0.0).count();
    return withActual == 0 ? 0 : (double) zeros / withActual;
  }

  /** Per model, MAE at actual = 0 and at actual > 0. */
  public static List<ZeroSplit> zeroSplit(List<TestPrediction> predictions) {
    Map<ModelKey, double[]> sums = new TreeMap<>();
    for (TestPrediction p : predictions) {
      if (p.actual() == null || p.mean() == null) {
        continue;
      }
      double[] s = sums.computeIfAbsent(ModelKey.of(p), k -> new double[4]);
      int at = p.actual() == 0.0 ? 0 : 2;
      s[at] += Math.abs(p.mean() - p.actual());
      s[at + 1]++;
    }
    List<ZeroSplit> out = new ArrayList<>();
    sums.forEach((model, s) -> out.add(new ZeroSplit(model, (int) s[1], s[1] > 0 ? s[0] / s[1] : Double.NaN,
        (int) s[3], s[3] > 0 ? s[2] / s[3] : Double.NaN)));
    return out;
  }

  /**
   * Per model, the share of test rows with |actual - mean| ≤ z·σ, z the two-sided normal quantile of each level:
   * a calibrated Gaussian interval covers the level's share. Rows without a finite σ are left out.
   */
  public static List<Calibration> calibration(List<TestPrediction> predictions) {
    double[] z = Arrays.stream(LEVELS).map(l -> Intervals.normalQuantile((1 + l) / 2)).toArray();
    Map<ModelKey, long[]> counts = new TreeMap<>();
    for (TestPrediction p : predictions) {
      if (p.actual() == null || p.mean() == null || p.std() == null || !Double.isFinite(p.std())) {
        continue;
      }
      long[] c = counts.computeIfAbsent(ModelKey.of(p), k -> new long[LEVELS.length + 7]);
      double error = Math.abs(p.actual() - p.mean());
      for (int i = 0; i < LEVELS.length; i++) {
        c[i] += error <= z[i] * p.std() ? 1 : 0;
      }
      c[LEVELS.length]++;
      c[LEVELS.length + 1] += error <= p.std() ? 1 : 0;
      c[LEVELS.length + 2] += p.std() == 0 ? 1 : 0;
      if (p.spread() != null && Double.isFinite(p.spread())) {
        c[LEVELS.length + 3]++;
        c[LEVELS.length + 4] += error <= p.spread() ? 1 : 0;
      }
      if (p.actual() != 0) {
        c[LEVELS.length + 5]++;
        c[LEVELS.length + 6] += error <= p.std() ? 1 : 0;
      }
    }
    List<Calibration> out = new ArrayList<>();
    counts.forEach((model, c) -> {
      double[] observed = new double[LEVELS.length];
      for (int i = 0; i < LEVELS.length; i++) {
        observed[i] = (double) c[i] / c[LEVELS.length];
      }
      double before = c[LEVELS.length + 3] == 0 ? Double.NaN : (double) c[LEVELS.length + 4] / c[LEVELS.length + 3];
      double nonZero = c[LEVELS.length + 5] == 0 ? Double.NaN : (double) c[LEVELS.length + 6] / c[LEVELS.length + 5];
      out.add(new Calibration(model, (int) c[LEVELS.length], observed, (double) c[LEVELS.length + 1] / c[LEVELS.length],
          before, nonZero, (int) c[LEVELS.length + 2]));
    });
    return out;
  }

  /**
   * Per model with stored class probabilities, the reliability of the predicted class's probability over
   * {@link #RELIABILITY_BINS} equal-width bins (the top bin holds 1.0); rows without probabilities are left out.
   */
  public static List<Reliability> reliability(List<TestPrediction> predictions) {
    Map<ModelKey, double[][]> sums = new TreeMap<>(); // per bin: rows, summed confidence, right labels
    for (TestPrediction p : predictions) {
      double confidence = p.confidence();
      if (!Double.isFinite(confidence) || p.actualLabel() == null) {
        continue;
      }
      int bin = Math.min(RELIABILITY_BINS - 1, Math.max(0, (int) (confidence * RELIABILITY_BINS)));
      double[] s = sums.computeIfAbsent(ModelKey.of(p), k -> new double[RELIABILITY_BINS][3])[bin];
      s[0]++;
      s[1] += confidence;
      s[2] += p.actualLabel().equals(p.predictedLabel()) ? 1 : 0;
    }
    List<Reliability> out = new ArrayList<>();
    sums.forEach((model, perBin) -> {
      double rows = 0;
      double confidence = 0;
      double right = 0;
      double gap = 0;
      List<ConfidenceBin> bins = new ArrayList<>();
      for (int b = 0; b < RELIABILITY_BINS; b++) {
        double[] s = perBin[b];
        if (s[0] == 0) {
          continue;
        }
        bins.add(new ConfidenceBin((int) s[0], s[1] / s[0], s[2] / s[0]));
        rows += s[0];
        confidence += s[1];
        right += s[2];
        gap += Math.abs(s[2] - s[1]); // rows x |accuracy - mean confidence| of the bin
      }
      out.add(new Reliability(model, (int) rows, confidence / rows, right / rows, gap / rows, bins));
    });
    return out;
  }

  /**
   * At most {@code max} of a model's predictions, drawn with {@code seed} from the predictions in their record
   * order, so the same seed draws the same records for every model with the same test rows.
   */
  public static List<TestPrediction> sample(List<TestPrediction> predictions, ModelKey model, int max, long seed) {
    List<TestPrediction> rows = new ArrayList<>(predictions.stream().filter(p -> ModelKey.of(p).equals(model)
        && p.actual() != null && p.mean() != null).toList());
    rows.sort(Comparator.comparing(TestPrediction::sourceFile).thenComparingLong(TestPrediction::recordNumber)
        .thenComparingInt(TestPrediction::repeat));
    if (rows.size() <= max) {
      return rows;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < max; i++) {
      int j = i + random.nextInt(rows.size() - i);
      TestPrediction swap = rows.get(i);
      rows.set(i, rows.get(j));
      rows.set(j, swap);
    }
    return rows.subList(0, max);
  }

  /** The best model by mean MAE among those not target_only, for each learner. */
  public static List<ModelKey> bestTransfer(List<ModelSummary> models) {
    Map<String, ModelSummary> best = new TreeMap<>();
    for (ModelSummary s : models) {
      String mae = Metric.MAE.column();
      if (s.model().targetOnly() || !s.scores().containsKey(mae)) {
        continue;
      }
      ModelSummary current = best.get(s.model().learner());
      if (current == null || s.scores().get(mae).mean() < current.scores().get(mae).mean()) {
        best.put(s.model().learner(), s);
      }
    }
    return best.values().stream().map(ModelSummary::model).toList();
  }

  /** Unit ids of the chosen units at a size. */
  public static Set<String> unitIds(List<UnitMetrics> chosen, int size) {
    Set<String> out = new HashSet<>();
    chosen.stream().filter(m -> m.size() == size).forEach(m -> out.add(m.unitId()));
    return out;
  }

  private static Map<ModelKey, List<UnitMetrics>> byModel(List<UnitMetrics> chosen, int size) {
    Map<ModelKey, List<UnitMetrics>> out = new TreeMap<>();
    for (UnitMetrics m : chosen) {
      if (m.size() == size) {
        out.computeIfAbsent(ModelKey.of(m), k -> new ArrayList<>()).add(m);
      }
    }
    return out;
  }
}
