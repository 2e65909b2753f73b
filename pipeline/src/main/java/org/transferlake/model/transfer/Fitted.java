package org.transferlake.model.transfer;

import java.util.List;
import java.util.Map;
import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.Model;
import org.transferlake.model.learn.Prediction;

/** A fitted architecture: its parts, and its prediction function built from them. */
record Fitted(String architecture, List<Model> models, Label target, Map<String, String> options, SourceEstimator sources,
    Predictor predictor) implements TransferModel {

  Fitted {
    models = List.copyOf(models);
    options = Map.copyOf(options);
  }

  Fitted(String architecture, Model model, Label target, Map<String, String> options, SourceEstimator sources,
      Predictor predictor) {
    this(architecture, List.of(model), target, options, sources, predictor);
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
