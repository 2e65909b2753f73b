package org.transferlake.transfer;

import org.transferlake.learn.Prediction;

/** A fitted architecture: predicts the target context (mean and standard deviation) for compositions. */
public interface TransferModel {
  String architecture();

  /**
   * Predicts the target for these compositions.
   *
   * @param keys composition keys (they find measured source values, where an architecture uses them)
   * @param x their features, in the order the model was trained with
   */
  Prediction predict(String[] keys, double[][] x);
}
