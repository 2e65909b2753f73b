package org.transferlake.model.learn;

import java.util.List;

/**
 * Predictions for a block of rows: for each label a mean and a standard deviation per row. For a classification
 * label the mean is one probability per class and the standard deviation that of each probability. A regression
 * label's standard deviation may be calibrated ({@link SigmaCalibration}); {@link #spread} keeps it as it was before
 * (the trees' or the ensemble members' spread), so that a report can show calibration before and after.
 */
public final class Prediction {
  private final List<Label> labels;
  /** [label][row][width]. */
  private final double[][][] mean;
  private final double[][][] std;
  /** [label][row][width]: the standard deviation before calibration. */
  private final double[][][] spread;

  /** Predictions whose standard deviations were not calibrated: the spread is the standard deviation. */
  public Prediction(List<Label> labels, double[][][] mean, double[][][] std) {
    this(labels, mean, std, std);
  }

  /** @param spread the standard deviations before calibration, same shape as {@code std} */
  public Prediction(List<Label> labels, double[][][] mean, double[][][] std, double[][][] spread) {
    this.labels = List.copyOf(labels);
    this.mean = mean;
    this.std = std;
    this.spread = spread;
  }

  public List<Label> labels() {
    return labels;
  }

  public int rows() {
    return mean[0].length;
  }

  /** Regression mean of one label, one value per row. */
  public double[] mean(int label) {
    return column(mean[label], label);
  }

  public double[] std(int label) {
    return column(std[label], label);
  }

  /** A regression label's standard deviation before calibration, one value per row ({@link #std} if none was). */
  public double[] spread(int label) {
    return column(spread[label], label);
  }

  /** Class probabilities of one classification label: [row][class]. */
  public double[][] probabilities(int label) {
    requireClassification(label);
    return mean[label];
  }

  public double[][] probabilityStd(int label) {
    requireClassification(label);
    return std[label];
  }

  /** The most probable class index per row. */
  public int[] predictedClass(int label) {
    double[][] p = probabilities(label);
    int[] out = new int[p.length];
    for (int i = 0; i < p.length; i++) {
      int best = 0;
      for (int c = 1; c < p[i].length; c++) {
        if (p[i][c] > p[i][best]) {
          best = c;
        }
      }
      out[i] = best;
    }
    return out;
  }

  /** Only one label's predictions. */
  public Prediction select(int label) {
    return new Prediction(List.of(labels.get(label)), new double[][][] {mean[label]}, new double[][][] {std[label]},
        new double[][][] {spread[label]});
  }

  /** A single regression label's predictions from plain arrays, not calibrated. */
  public static Prediction regression(Label label, double[] mean, double[] std) {
    return regression(label, mean, std, std);
  }

  /** A single regression label's predictions from plain arrays, with the standard deviations before calibration. */
  public static Prediction regression(Label label, double[] mean, double[] std, double[] spread) {
    return new Prediction(List.of(label), new double[][][] {block(mean)}, new double[][][] {block(std)},
        new double[][][] {block(spread)});
  }

  private static double[][] block(double[] values) {
    double[][] out = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      out[i] = new double[] {values[i]};
    }
    return out;
  }

  /** The raw [row][width] block of one label's means. */
  public double[][] meanBlock(int label) {
    return mean[label];
  }

  public double[][] stdBlock(int label) {
    return std[label];
  }

  private double[] column(double[][] block, int label) {
    if (labels.get(label).isClassification()) {
      throw new IllegalArgumentException("label " + labels.get(label).name() + " is a classification label: use probabilities()");
    }
    double[] out = new double[block.length];
    for (int i = 0; i < block.length; i++) {
      out[i] = block[i][0];
    }
    return out;
  }

  private void requireClassification(int label) {
    if (!labels.get(label).isClassification()) {
      throw new IllegalArgumentException("label " + labels.get(label).name() + " is a regression label: use mean()");
    }
  }
}
