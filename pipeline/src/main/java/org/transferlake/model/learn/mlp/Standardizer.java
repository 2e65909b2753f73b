package org.transferlake.model.learn.mlp;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Per-column centre and scale learnt from training rows (mean and population standard deviation of the finite
 * values). A missing (NaN) or infinite value maps to the centre; a column without spread keeps scale 1, so a
 * constant feature becomes 0 rather than a division by zero.
 */
record Standardizer(double[] centre, double[] scale) {
  /**
   * Standardised inputs are clipped to ±this many standard deviations: a composition whose feature lies far outside
   * the training range (a rare element's property, with a near-constant training column) otherwise drives the
   * network's output to absurd values (seen: a 94,000 eV gap).
   */
  static final double INPUT_LIMIT = 10;

  /** Learns every column of {@code rows}; columns where {@code scaled} is false keep centre 0 and scale 1. */
  static Standardizer fit(double[][] rows, boolean[] scaled) {
    int columns = scaled.length;
    double[] centre = new double[columns];
    double[] scale = new double[columns];
    for (int c = 0; c < columns; c++) {
      scale[c] = 1;
      if (!scaled[c]) {
        continue;
      }
      double sum = 0;
      int n = 0;
      for (double[] row : rows) {
        if (Double.isFinite(row[c])) {
          sum += row[c];
          n++;
        }
      }
      if (n == 0) {
        continue;
      }
      double mean = sum / n;
      double squares = 0;
      for (double[] row : rows) {
        if (Double.isFinite(row[c])) {
          squares += (row[c] - mean) * (row[c] - mean);
        }
      }
      double std = Math.sqrt(squares / n);
      centre[c] = mean;
      // Constant up to rounding: dividing by the rounding noise would blow it up into a feature.
      scale[c] = std > 1e-12 * Math.max(1, Math.abs(mean)) ? std : 1;
    }
    return new Standardizer(centre, scale);
  }

  static Standardizer all(double[][] rows, int columns) {
    boolean[] scaled = new boolean[columns];
    Arrays.fill(scaled, true);
    return fit(rows, scaled);
  }

  int columns() {
    return centre.length;
  }

  double standardize(int column, double value) {
    return Double.isFinite(value) ? (value - centre[column]) / scale[column] : 0;
  }

  double restore(int column, double standardized) {
    return centre[column] + scale[column] * standardized;
  }

  /** An input value standardised and clipped to ±{@link #INPUT_LIMIT}. */
  double standardizeInput(int column, double value) {
    return Math.max(-INPUT_LIMIT, Math.min(INPUT_LIMIT, standardize(column, value)));
  }

  /** The rows standardised and clipped, row after row, as the network's float input. */
  float[] standardizeRows(double[][] rows) {
    int columns = columns();
    float[] out = new float[rows.length * columns];
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < columns; c++) {
        out[r * columns + c] = (float) standardizeInput(c, rows[r][c]);
      }
    }
    return out;
  }

  void writeTo(DataOutputStream out) throws IOException {
    out.writeInt(columns());
    for (int c = 0; c < columns(); c++) {
      out.writeDouble(centre[c]);
      out.writeDouble(scale[c]);
    }
  }

  static Standardizer read(DataInputStream in) throws IOException {
    int columns = in.readInt();
    double[] centre = new double[columns];
    double[] scale = new double[columns];
    for (int c = 0; c < columns; c++) {
      centre[c] = in.readDouble();
      scale[c] = in.readDouble();
    }
    return new Standardizer(centre, scale);
  }
}
