package org.transferlake.train.data;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An experiment's data once per preset it lists, in its order: the same target records, folds and source values,
 * each with the features of its preset.
 */
public record FeatureSets(Map<String, ExperimentData> byPreset) implements Serializable {
  public FeatureSets {
    if (byPreset.isEmpty()) {
      throw new IllegalArgumentException("an experiment has at least one preset");
    }
    byPreset = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byPreset));
  }

  /** The data of an experiment of one preset. */
  public static FeatureSets of(String preset, ExperimentData data) {
    return new FeatureSets(Map.of(preset, data));
  }

  /** The presets, in the experiment's order. */
  public List<String> presets() {
    return List.copyOf(byPreset.keySet());
  }

  /** @throws IllegalArgumentException naming the presets there are, for one the experiment does not list */
  public ExperimentData get(String preset) {
    ExperimentData data = byPreset.get(preset);
    if (data == null) {
      throw new IllegalArgumentException("no data of preset " + preset + "; presets: " + presets());
    }
    return data;
  }

  /**
   * The first preset's data: what does not depend on the features (target records, label, folds, chains) is the
   * same in each.
   */
  public ExperimentData first() {
    return byPreset.values().iterator().next();
  }
}
