package org.transferlake.model.learn;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/** Trains a {@link Model} from a {@link TrainingSet}. Implementations are immutable and hold their hyperparameters. */
public interface Learner extends java.io.Serializable {
  /** Short name used in configs and tables: forest, mlp, mllib_rf, ... */
  String name();

  /** Hyperparameters as text, in a stable order: recorded with every model and metrics row. */
  Map<String, String> params();

  /** Trains on {@code data}; the same data and seed give the same model. */
  Model fit(TrainingSet data, long seed);

  /** Provenance of a model just trained by this learner on {@code data}. */
  default Provenance provenance(TrainingSet data, long seed, Map<String, String> extraVersions) {
    Map<String, String> versions = new TreeMap<>(extraVersions);
    versions.put("transferlake", Versions.TRANSFERLAKE);
    versions.put("java", System.getProperty("java.version"));
    // Milliseconds: what a saved model keeps.
    return new Provenance(name(), params(), seed, data.fingerprint(), data.rows(), versions,
        Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }
}
