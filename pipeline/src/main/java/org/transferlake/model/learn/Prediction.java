package org.transferlake.model.learn;

import java.util.List;

/**
 * Predictions for a block of rows: for each label a mean and a standard deviation per row. For a classification
 * label the mean is one probability per class and the standard deviation that of each probability.
 */
public final class Prediction {
  private final List<Label> labels;
  /** [label][row][width]. */
  private final double[][][] mean;
  private final double[][][] std;

  public Prediction(List<Label> labels, double[][][] mean, double[][][] std) {
    this.labels = List.copyOf(labels);
    this.mean = mean;
    this.std = std;
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
    return new Prediction(List.of(labels.get(label)), new double[][][] {mean[label]}, new double[][][] {std[label]});
  }

  /** A single regression label's predictions from plain arrays. */
  public static Prediction regression(Label label, double[] mean, double[] std) {
    double[][] m = new double[mean.length][];
    double[][] s = new double[mean.length][];
    for (int i = 0; i < mean.length; i++) {
      m[i] = new double[] {mean[i]};
      s[i] = new double[] {std[i]};
    }
    return new Prediction(List.of(label), new double[][][] {m}, new double[][][] {s});
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
