package org.transferlake.model.learn;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a model came from: which learner with which hyperparameters and seed, trained on which data (its
 * fingerprint and size), with which library versions, when.
 */
public record Provenance(String learner, Map<String, String> params, long seed, String dataFingerprint,
    int trainingRows, Map<String, String> versions, Instant trainedAt) implements Serializable {

  public Provenance {
    params = Map.copyOf(new TreeMap<>(params));
    versions = Map.copyOf(new TreeMap<>(versions));
  }

  /** Provenance of a model just trained by {@code learner} on {@code data}. */
  public static Provenance of(Learner learner, TrainingSet data, long seed, Map<String, String> extraVersions) {
    Map<String, String> versions = new TreeMap<>(extraVersions);
    versions.put("transferlake", Versions.TRANSFERLAKE);
    versions.put("java", System.getProperty("java.version"));
    // Milliseconds: what a saved model keeps.
    return new Provenance(learner.name(), learner.params(), seed, data.fingerprint(), data.rows(), versions,
        Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
  }
}
