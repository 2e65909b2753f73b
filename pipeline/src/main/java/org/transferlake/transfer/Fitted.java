package org.transferlake.transfer;

import org.transferlake.learn.Prediction;

/** A fitted architecture as its name and its prediction function. */
record Fitted(String architecture, Predictor predictor) implements TransferModel {

  /** How a fitted architecture predicts. */
  @FunctionalInterface
  interface Predictor {
    Prediction predict(String[] keys, double[][] x);
  }

  @Override
  public Prediction predict(String[] keys, double[][] x) {
    return predictor.predict(keys, x);
  }
}
