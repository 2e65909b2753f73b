package org.transferlake.model.learn.forest;

import java.util.List;
import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.TrainingSet;

/**
 * A training set laid out for tree building, shared read-only by every tree of a forest: features by column,
 * each feature's rows presorted once (NaN last), labels by column, and each label's weight in the split
 * criterion already divided by its variance (so regression labels are compared as if standardised).
 */
final class ForestData {
  final int rows;
  final int features;
  final double[][] xcol;
  final int[][] sorted;
  final double[][] ycol;
  final List<Label> labels;
  /** Offset of each label's values in a node's value block, and the block's width. */
  final int[] offset;
  final int width;
  /** Multiplies a label's impurity in the split criterion. */
  final double[] scale;

  ForestData(TrainingSet data) {
    rows = data.rows();
    features = data.features();
    labels = data.labels();
    xcol = new double[features][rows];
    for (int i = 0; i < rows; i++) {
      for (int f = 0; f < features; f++) {
        xcol[f][i] = data.x(i, f);
      }
    }
    sorted = new int[features][];
    for (int f = 0; f < features; f++) {
      sorted[f] = IndexSort.byValue(xcol[f]);
    }
    ycol = new double[labels.size()][rows];
    offset = new int[labels.size()];
    scale = new double[labels.size()];
    int w = 0;
    for (int j = 0; j < labels.size(); j++) {
      for (int i = 0; i < rows; i++) {
        ycol[j][i] = data.y(i, j);
      }
      offset[j] = w;
      w += labels.get(j).width();
      double variance = labels.get(j).isClassification() ? 1.0 : variance(ycol[j]);
      scale[j] = labels.get(j).weight() / (variance > 0 ? variance : 1.0);
    }
    width = w;
  }

  private static double variance(double[] y) {
    double n = 0;
    double mean = 0;
    double m2 = 0;
    for (double v : y) {
      if (!Double.isNaN(v)) {
        n++;
        double d = v - mean;
        mean += d / n;
        m2 += d * (v - mean);
      }
    }
    return n > 1 ? m2 / n : 0;
  }
}
