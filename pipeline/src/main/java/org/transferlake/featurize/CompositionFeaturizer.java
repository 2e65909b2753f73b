package org.transferlake.featurize;

import java.io.Serializable;
import org.transferlake.composition.Composition;

/**
 * Turns a composition into a fixed-length row of doubles. Serializable because Spark ships it inside
 * tasks; stateless after construction, so one instance serves every thread.
 */
public interface CompositionFeaturizer extends Serializable {
  /** The preset's name, which names the lake table {@code features.<preset>}. */
  String preset();

  /**
   * Changes whenever the same composition could get different numbers (code or input tables), so
   * stored features can be told apart from fresh ones.
   */
  String version();

  /** The lake column name of each feature, in output order (a fresh copy). */
  String[] featureNames();

  /** The number of features written per composition. */
  int featureCount();

  /**
   * Writes the features of the first {@code n} elements into {@code out[offset .. offset +
   * featureCount())}, allocating nothing.
   *
   * @param atomicNumbers distinct elements, Z = 1..118
   * @param fractions their atomic fractions, summing to 1
   */
  void featurize(int[] atomicNumbers, double[] fractions, int n, double[] out, int offset);

  /**
   * How many (element, property) values the first {@code n} elements lack in the element table the
   * features are computed from: imputed or NaN in the output, depending on the preset; 0 when the
   * preset reads no element table.
   */
  int missingValues(int[] atomicNumbers, int n);

  /** Writes the features of {@code composition} into {@code out[offset .. offset + featureCount())}. */
  default void featurize(Composition composition, double[] out, int offset) {
    featurize(composition.atomicNumbers(), composition.fractions(), composition.size(), out, offset);
  }
}
