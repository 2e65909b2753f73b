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
}
