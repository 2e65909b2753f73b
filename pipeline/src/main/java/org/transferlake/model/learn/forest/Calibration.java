package org.transferlake.model.learn.forest;

import java.util.List;
import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.SigmaCalibration;
import org.transferlake.model.learn.TrainingSet;

/**
 * Out-of-bag calibration of the trees' spread, as lolo does: for each training row, the trees that did not see
 * it predict it; their mean's error (the mean as its user takes it: {@link TrainingSet#asUsed}) and their spread
 * calibrate each regression label (see {@link SigmaCalibration}: a ratio on the spread and a floor from the errors
 * of the rows the trees agree on).
 */
final class Calibration {
  private Calibration() {}

  /** One calibration per label; {@link SigmaCalibration#NONE} for a classification label. */
  static SigmaCalibration[] fit(ForestModel model, TrainingSet data) {
    List<Label> labels = model.labels();
    SigmaCalibration[] out = new SigmaCalibration[labels.size()];
    byte[][] inBag = model.inBag();
    int trees = model.trees();
    double[] outputs = new double[trees];
    int offset = 0;
    for (int j = 0; j < labels.size(); j++) {
      Label label = labels.get(j);
      out[j] = SigmaCalibration.NONE;
      if (!label.isClassification()) {
        double[] errors = new double[data.rows()];
        double[] spreads = new double[data.rows()];
        for (int i = 0; i < data.rows(); i++) {
          double y = data.y(i, j);
          double[] row = data.x()[i];
          int n = 0;
          for (int b = 0; b < trees && !Double.isNaN(y); b++) {
            if (inBag[b][i] == 0) {
              double v = model.tree(b).values[model.tree(b).leafOffset(row) + offset];
              if (!Double.isNaN(v)) {
                outputs[n++] = v;
              }
            }
          }
          errors[i] = Double.NaN;
          spreads[i] = Double.NaN;
          if (n >= 2 && data.calibrates(i)) {
            double mean = mean(outputs, n);
            errors[i] = y - data.asUsed(i, j, mean);
            spreads[i] = std(outputs, n, mean);
          }
        }
        out[j] = SigmaCalibration.fit(errors, spreads);
      }
      offset += label.width();
    }
    return out;
  }

  private static double mean(double[] v, int n) {
    double sum = 0;
    for (int b = 0; b < n; b++) {
      sum += v[b];
    }
    return sum / n;
  }

  /** The sample standard deviation of the out-of-bag trees, as {@link Jackknife#treeStd} takes it for all trees. */
  private static double std(double[] v, int n, double mean) {
    double ss = 0;
    for (int b = 0; b < n; b++) {
      ss += (v[b] - mean) * (v[b] - mean);
    }
    return Math.sqrt(ss / (n - 1));
  }
}
