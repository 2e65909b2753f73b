package org.transferlake.model.learn;

import java.util.Map;

/** Trains a {@link Model} from a {@link TrainingSet}. Implementations are immutable and hold their hyperparameters. */
public interface Learner extends java.io.Serializable {
  /** Short name used in configs and tables: forest, mlp, mllib_rf, ... */
  String name();

  /** Hyperparameters as text, in a stable order: recorded with every model and metrics row. */
  Map<String, String> params();

  /** Trains on {@code data}; the same data and seed give the same model. */
  Model fit(TrainingSet data, long seed);
}
