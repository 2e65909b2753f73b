package org.transferlake.model.learn.forest;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * One binary decision tree in flat arrays. Node 0 is the root; {@code feature[k] < 0} marks a leaf. Rows with
 * {@code x[feature] <= threshold} go left (NaN goes right, in training and prediction alike). Every node holds
 * {@code width} values: per label its mean, or its class frequencies.
 */
final class Tree implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  final int[] feature;
  final double[] threshold;
  final int[] left;
  final int[] right;
  final double[] values;
  final int width;

  Tree(int[] feature, double[] threshold, int[] left, int[] right, double[] values, int width) {
    this.feature = feature;
    this.threshold = threshold;
    this.left = left;
    this.right = right;
    this.values = values;
    this.width = width;
  }

  /** Offset into {@link #values} of the leaf that {@code row} falls in. */
  int leafOffset(double[] row) {
    int k = 0;
    while (feature[k] >= 0) {
      k = row[feature[k]] <= threshold[k] ? left[k] : right[k];
    }
    return k * width;
  }

  int nodes() {
    return feature.length;
  }

  void writeTo(DataOutputStream out) throws IOException {
    out.writeInt(feature.length);
    for (int k = 0; k < feature.length; k++) {
      out.writeInt(feature[k]);
      out.writeDouble(threshold[k]);
      out.writeInt(left[k]);
      out.writeInt(right[k]);
    }
    for (double v : values) {
      out.writeDouble(v);
    }
  }

  static Tree read(DataInputStream in, int width) throws IOException {
    int n = in.readInt();
    int[] feature = new int[n];
    double[] threshold = new double[n];
    int[] left = new int[n];
    int[] right = new int[n];
    for (int k = 0; k < n; k++) {
      feature[k] = in.readInt();
      threshold[k] = in.readDouble();
      left[k] = in.readInt();
      right[k] = in.readInt();
    }
    double[] values = new double[n * width];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readDouble();
    }
    return new Tree(feature, threshold, left, right, values, width);
  }
}
