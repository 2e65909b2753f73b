package org.transferlake.model.learn;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Dense training data: one row per example, one column per feature and one per label. A missing label is NaN
 * (multi-task data rarely has every label for every row); a class label holds its class index.
 */
public final class TrainingSet implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double[][] x;
  private final double[][] y;
  private final List<Label> labels;
  /** Where the caller's predictions of one label must lie (null: nowhere in particular). */
  private final Bounds bounds;
  /** The rows whose held-out errors calibrate σ (null: every row). */
  private final boolean[] calibrationRows;

  /**
   * The range a label's prediction is moved into by whoever uses it, so that a learner calibrating its standard
   * deviation on held-out rows measures the errors of the means that will be used: the value used for row i is
   * offset[i] + prediction moved into {@code range} (an architecture that predicts a correction to a source value
   * s passes s as the offset; otherwise the offsets are 0).
   */
  public record Bounds(int label, ValueRange range, double[] offsets) implements Serializable {}

  public TrainingSet(double[][] x, double[][] y, List<Label> labels) {
    this(x, y, labels, null, null);
  }

  private TrainingSet(double[][] x, double[][] y, List<Label> labels, Bounds bounds, boolean[] calibrationRows) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(x.length + " feature rows but " + y.length + " label rows");
    }
    if (x.length == 0) {
      throw new IllegalArgumentException("no training rows");
    }
    this.x = x;
    this.y = y;
    this.labels = List.copyOf(labels);
    this.bounds = bounds;
    this.calibrationRows = calibrationRows;
    if (calibrationRows != null && calibrationRows.length != x.length) {
      throw new IllegalArgumentException(calibrationRows.length + " calibration flags for " + x.length + " rows");
    }
    if (bounds != null && (bounds.label() < 0 || bounds.label() >= labels.size()
        || labels.get(bounds.label()).isClassification()
        || bounds.offsets() != null && bounds.offsets().length != x.length)) {
      throw new IllegalArgumentException("bounds for label " + bounds.label() + " do not fit " + x.length + " rows of "
          + labels);
    }
    int p = x[0].length;
    for (int i = 0; i < x.length; i++) {
      if (x[i].length != p) {
        throw new IllegalArgumentException("row " + i + " has " + x[i].length + " features, row 0 has " + p);
      }
      if (y[i].length != labels.size()) {
        throw new IllegalArgumentException("row " + i + " has " + y[i].length + " labels, expected " + labels.size());
      }
      for (int j = 0; j < labels.size(); j++) {
        double v = y[i][j];
        Label label = labels.get(j);
        if (!Double.isNaN(v) && label.isClassification() && (v != Math.rint(v) || v < 0 || v >= label.width())) {
          throw new IllegalArgumentException("row " + i + ", label " + label.name() + ": " + v
              + " is not a class index below " + label.width());
        }
        if (Double.isInfinite(v)) {
          throw new IllegalArgumentException("row " + i + ", label " + label.name() + ": infinite value");
        }
      }
    }
  }

  /** Single-label convenience. */
  public static TrainingSet of(double[][] x, double[] y, Label label) {
    double[][] columns = new double[y.length][1];
    for (int i = 0; i < y.length; i++) {
      columns[i][0] = y[i];
    }
    return new TrainingSet(x, columns, List.of(label));
  }

  /**
   * The same rows, with the range the predictions of one regression label are moved into.
   *
   * @param offsets per row, added to the prediction before it is moved (null: 0)
   */
  public TrainingSet bounded(int label, ValueRange range, double[] offsets) {
    return new TrainingSet(x, y, labels, new Bounds(label, range, offsets == null ? null : offsets.clone()),
        calibrationRows);
  }

  /**
   * The same rows, of which only those flagged calibrate a learner's σ: where rows of other contexts are pooled in
   * (a union of sources), the errors that matter are the target's.
   */
  public TrainingSet calibratedOn(boolean[] rows) {
    return new TrainingSet(x, y, labels, bounds, rows.clone());
  }

  /** Whether a row's held-out error may calibrate σ. */
  public boolean calibrates(int row) {
    return calibrationRows == null || calibrationRows[row];
  }

  /**
   * A prediction of a label for a training row as its user will take it, in the label's own terms: offset +
   * prediction moved into the range, minus the offset. The prediction itself where the label has no bounds.
   */
  public double asUsed(int row, int label, double predicted) {
    if (bounds == null || bounds.label() != label || Double.isNaN(predicted)) {
      return predicted;
    }
    double offset = bounds.offsets() == null ? 0 : bounds.offsets()[row];
    return Math.min(bounds.range().max(), Math.max(bounds.range().min(), offset + predicted)) - offset;
  }

  public int rows() {
    return x.length;
  }

  public int features() {
    return x[0].length;
  }

  public List<Label> labels() {
    return labels;
  }

  public double[][] x() {
    return x;
  }

  public double x(int row, int feature) {
    return x[row][feature];
  }

  public double y(int row, int label) {
    return y[row][label];
  }

  /** The rows given, in that order (shares row arrays: training data is never modified). */
  public TrainingSet subset(int[] rows) {
    double[][] xs = new double[rows.length][];
    double[][] ys = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      xs[i] = x[rows[i]];
      ys[i] = y[rows[i]];
    }
    Bounds kept = bounds;
    if (bounds != null && bounds.offsets() != null) {
      double[] offsets = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        offsets[i] = bounds.offsets()[rows[i]];
      }
      kept = new Bounds(bounds.label(), bounds.range(), offsets);
    }
    boolean[] calibrated = null;
    if (calibrationRows != null) {
      calibrated = new boolean[rows.length];
      for (int i = 0; i < rows.length; i++) {
        calibrated[i] = calibrationRows[rows[i]];
      }
    }
    return new TrainingSet(xs, ys, labels, kept, calibrated);
  }

  /** A label missing from every row cannot be learned: refuse it by name. */
  public void requireEveryLabelHasAValue() {
    for (int j = 0; j < labels.size(); j++) {
      boolean any = false;
      for (int i = 0; i < rows() && !any; i++) {
        any = !Double.isNaN(y[i][j]);
      }
      if (!any) {
        throw new IllegalArgumentException("label " + labels.get(j).name() + " has no value in the training set");
      }
    }
  }

  /** SHA-256 over labels, features and label values: identifies the data a model was trained on. */
  public String fingerprint() {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    digest.update(labels.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    ByteBuffer buffer = ByteBuffer.allocate(8 * (features() + labels.size()));
    for (int i = 0; i < rows(); i++) {
      buffer.clear();
      for (double v : x[i]) {
        buffer.putDouble(v);
      }
      for (double v : y[i]) {
        buffer.putDouble(v);
      }
      digest.update(buffer.array(), 0, buffer.position());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
