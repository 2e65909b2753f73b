package org.transferlake.model.transfer;

import java.util.HashMap;
import java.util.Map;
import org.transferlake.model.learn.Label;

/**
 * The examples of one context: a composition key, its features and its value per row. A target context has one
 * row per record (a few records may share a key); a source context is usually aggregated to one row per key.
 *
 * @param context the context id, {@code property/fidelity/source_id}
 */
public record ContextSet(String context, Label label, String[] keys, double[][] x, double[] y)
    implements java.io.Serializable {

  public ContextSet {
    if (keys.length != x.length || keys.length != y.length) {
      throw new IllegalArgumentException(context + ": " + keys.length + " keys, " + x.length + " feature rows, "
          + y.length + " values");
    }
  }

  public int rows() {
    return keys.length;
  }

  /** The value per key (the first row's where a key repeats). */
  public Map<String, Double> valueByKey() {
    Map<String, Double> out = new HashMap<>();
    for (int i = 0; i < keys.length; i++) {
      out.putIfAbsent(keys[i], y[i]);
    }
    return out;
  }

  /** The rows given, in that order. */
  public ContextSet subset(int[] rows) {
    String[] k = new String[rows.length];
    double[][] xs = new double[rows.length][];
    double[] ys = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      k[i] = keys[rows[i]];
      xs[i] = x[rows[i]];
      ys[i] = y[rows[i]];
    }
    return new ContextSet(context, label, k, xs, ys);
  }
}
