package org.transferlake.transfer;

import java.util.Map;
import org.transferlake.learn.Label;
import org.transferlake.learn.Model;
import org.transferlake.learn.Prediction;

/** A fitted architecture: its parts, and its prediction function built from them. */
record Fitted(String architecture, Model model, Label target, Map<String, String> options, SourceEstimator sources,
    Predictor predictor) implements TransferModel {

  Fitted {
    options = Map.copyOf(options);
  }

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
