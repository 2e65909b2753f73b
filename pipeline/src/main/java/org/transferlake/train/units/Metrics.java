package org.transferlake.train.units;

import java.util.LinkedHashMap;
import java.util.Map;
import org.transferlake.lake.Metric;

/** Scores of predictions against actual values, under the columns {@link Metric} declares. */
final class Metrics {
  private Metrics() {}

  public static Map<String, Double> regression(double[] actual, double[] mean, double[] std) {
    int n = actual.length;
    double absSum = 0;
    double sqSum = 0;
    double max = 0;
    double actualMean = 0;
    int within1 = 0;
    int within2 = 0;
    double sdSum = 0;
    for (int i = 0; i < n; i++) {
      double e = Math.abs(mean[i] - actual[i]);
      absSum += e;
      sqSum += e * e;
      max = Math.max(max, e);
      actualMean += actual[i] / n;
      within1 += e <= std[i] ? 1 : 0;
      within2 += e <= 2 * std[i] ? 1 : 0;
      sdSum += std[i];
    }
    double total = 0;
    for (double a : actual) {
      total += (a - actualMean) * (a - actualMean);
    }
    Map<String, Double> m = new LinkedHashMap<>();
    m.put(Metric.MAE.column(), absSum / n);
    m.put(Metric.RMSE.column(), Math.sqrt(sqSum / n));
    m.put(Metric.R2.column(), total > 0 ? 1 - sqSum / total : Double.NaN);
    m.put(Metric.MAX_ERROR.column(), max);
    m.put(Metric.WITHIN_1SD.column(), within1 / (double) n);
    m.put(Metric.WITHIN_2SD.column(), within2 / (double) n);
    m.put(Metric.MEAN_SD.column(), sdSum / n);
    return m;
  }

  /**
   * @param actual class index per row
   * @param probabilities [row][class]
   */
  public static Map<String, Double> classification(double[] actual, double[][] probabilities) {
    int n = actual.length;
    int k = probabilities[0].length;
    int[] predicted = new int[n];
    int[][] confusion = new int[k][k];
    double logLoss = 0;
    for (int i = 0; i < n; i++) {
      int best = 0;
      for (int c = 1; c < k; c++) {
        if (probabilities[i][c] > probabilities[i][best]) {
          best = c;
        }
      }
      predicted[i] = best;
      int truth = (int) actual[i];
      confusion[truth][best]++;
      logLoss -= Math.log(Math.min(1 - 1e-15, Math.max(1e-15, probabilities[i][truth])));
    }
    double correct = 0;
    double recallSum = 0;
    double f1Sum = 0;
    int present = 0;
    for (int c = 0; c < k; c++) {
      correct += confusion[c][c];
      int support = 0;
      int predictedAs = 0;
      for (int d = 0; d < k; d++) {
        support += confusion[c][d];
        predictedAs += confusion[d][c];
      }
      if (support > 0) {
        present++;
        recallSum += confusion[c][c] / (double) support;
      }
      double precision = predictedAs == 0 ? 0 : confusion[c][c] / (double) predictedAs;
      double recall = support == 0 ? 0 : confusion[c][c] / (double) support;
      f1Sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
    double aucSum = 0;
    int aucClasses = 0;
    for (int c = (k == 2 ? 1 : 0); c < k; c++) {
      double auc = rocAuc(actual, probabilities, c);
      if (!Double.isNaN(auc)) {
        aucSum += auc;
        aucClasses++;
      }
    }
    Map<String, Double> m = new LinkedHashMap<>();
    m.put(Metric.ACCURACY.column(), correct / n);
    m.put(Metric.BALANCED_ACCURACY.column(), present == 0 ? Double.NaN : recallSum / present);
    m.put(Metric.F1.column(), f1Sum / k);
    m.put(Metric.ROC_AUC.column(), aucClasses == 0 ? Double.NaN : aucSum / aucClasses);
    m.put(Metric.LOG_LOSS.column(), logLoss / n);
    return m;
  }

  /** One-vs-rest ROC-AUC of class {@code c} by the rank statistic, ties counted half; NaN with one class only. */
  static double rocAuc(double[] actual, double[][] probabilities, int c) {
    int n = actual.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(probabilities[a][c], probabilities[b][c]));
    double rankSumPositive = 0;
    long positives = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && probabilities[order[j + 1]][c] == probabilities[order[i]][c]) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1;
      for (int t = i; t <= j; t++) {
        if ((int) actual[order[t]] == c) {
          rankSumPositive += averageRank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (rankSumPositive - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
  }
}
