package org.transferlake.testing;

import java.util.SplittableRandom;
import org.transferlake.model.learn.Label;
import org.transferlake.model.transfer.ContextSet;

/**
 * Seeded synthetic contexts that differ in known ways, with a scarce target and a plentiful source: the source
 * is a smooth latent function L(x) of the features plus noise, and each target relates to it by construction.
 */
public final class MultiContextData {
  public static final int FEATURES = 5;

  private MultiContextData() {}

  /** How a target relates to the latent L(x). */
  public interface Relation {
    double apply(double latent, double[] x);
  }

  /** The latent function every context shares. */
  public static double latent(double[] x) {
    return Synthetic.smooth(x) + x[2];
  }

  /** A context of {@code rows} compositions keyed "c&lt;i&gt;" from a distinct key range, values by the relation. */
  public static ContextSet context(String name, int rows, int firstKey, Relation relation, double noise, long seed) {
    double[][] x = Synthetic.features(rows, FEATURES, seed);
    SplittableRandom random = new SplittableRandom(seed + 1);
    String[] keys = new String[rows];
    double[] y = new double[rows];
    for (int i = 0; i < rows; i++) {
      keys[i] = "c" + (firstKey + i);
      y[i] = relation.apply(latent(x[i]), x[i]) + noise * Synthetic.gaussian(random);
    }
    return new ContextSet(name, Label.regression(name), keys, x, y);
  }

  /** The noiseless values of a relation at the rows of {@code set}. */
  public static double[] truth(ContextSet set, Relation relation) {
    double[] out = new double[set.rows()];
    for (int i = 0; i < out.length; i++) {
      out[i] = relation.apply(latent(set.x()[i]), set.x()[i]);
    }
    return out;
  }
}
