package org.transferlake.model.learn.forest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.TrainingSet;

/**
 * Out-of-bag calibration of the trees' spread, as lolo does: for each training row, the trees that did not see
 * it predict it; the ratio is the 68th percentile of |error| / spread over rows, so that about 68% of
 * out-of-bag errors fall within one calibrated standard deviation. Unlike lolo, rows predicted exactly (zero
 * error and zero spread, as metals at 0 eV mostly are) are left out: they say nothing about the scale, and in
 * zero-inflated targets they would pin the percentile at 1.
 */
final class Calibration {
  private static final double QUANTILE = 0.68;

  private Calibration() {}

  static double[] rescaleRatios(ForestModel model, TrainingSet data) {
    List<Label> labels = model.labels();
    double[] ratios = new double[labels.size()];
    java.util.Arrays.fill(ratios, 1.0);
    byte[][] inBag = model.inBag();
    int trees = model.trees();
    List<List<Double>> ratiosByLabel = new ArrayList<>();
    for (int j = 0; j < labels.size(); j++) {
      ratiosByLabel.add(new ArrayList<>());
    }
    double[] outputs = new double[trees];
    for (int i = 0; i < data.rows(); i++) {
      double[] row = data.x()[i];
      int offset = 0;
      for (int j = 0; j < labels.size(); j++) {
        Label label = labels.get(j);
        double y = data.y(i, j);
        if (!label.isClassification() && !Double.isNaN(y)) {
          int n = 0;
          for (int b = 0; b < trees; b++) {
            if (inBag[b][i] == 0) {
              double v = model.tree(b).values[model.tree(b).leafOffset(row) + offset];
              if (!Double.isNaN(v)) {
                outputs[n++] = v;
              }
            }
          }
          double r = n >= 2 ? ratio(outputs, n, y) : Double.NaN;
          if (!Double.isNaN(r)) {
            ratiosByLabel.get(j).add(r);
          }
        }
        offset += label.width();
      }
    }
    for (int j = 0; j < labels.size(); j++) {
      List<Double> r = ratiosByLabel.get(j);
      if (!r.isEmpty()) {
        Collections.sort(r);
        double q = r.get(Math.min(r.size() - 1, (int) (r.size() * QUANTILE)));
        ratios[j] = Double.isFinite(q) && q > 0 ? q : 1.0;
      }
    }
    return ratios;
  }

  /** |error| / spread of one row's out-of-bag trees; NaN when both are zero. */
  private static double ratio(double[] outputs, int n, double y) {
    double mean = 0;
    for (int b = 0; b < n; b++) {
      mean += outputs[b];
    }
    mean /= n;
    double ss = 0;
    for (int b = 0; b < n; b++) {
      ss += (outputs[b] - mean) * (outputs[b] - mean);
    }
    double spread = Math.sqrt(ss / (n - 1));
    double error = Math.abs(y - mean);
    if (spread <= 1e-12) {
      return error <= 1e-12 ? Double.NaN : Double.POSITIVE_INFINITY;
    }
    return error / spread;
  }
}
