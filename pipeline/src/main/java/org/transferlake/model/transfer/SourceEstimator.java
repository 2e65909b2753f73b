package org.transferlake.model.transfer;

import org.transferlake.model.learn.Model;

/**
 * A source context's value for compositions, as stage two of an architecture sees it: measured where known (and
 * asked for), else predicted. {@link SourceModels} answers while training (cross-fitted); {@link FrozenSources}
 * answers for a saved model.
 */
public interface SourceEstimator {
  int size();

  /** The context id of source {@code i}. */
  String context(int i);

  /**
   * Source {@code i}'s value for each composition: measured where the source has it and {@code useMeasured}, else
   * predicted.
   */
  Estimate estimate(int i, String[] keys, double[][] x, boolean useMeasured);

  /** Source {@code i}'s model on all its rows: what predicts a composition it has not measured in a saved model. */
  Model model(int i);

  /** A source value per row: mean, standard deviation (0 when measured), and whether it was measured. */
  record Estimate(double[] mean, double[] std, boolean[] measured) {}
}
