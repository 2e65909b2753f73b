package org.transferlake.train.units;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.transferlake.model.learn.ParamsText;

/**
 * One training to run: an architecture with a learner and hyperparameters, on the features of one preset, on one
 * outer fold, at one target training-set size, with one repeat's seed.
 *
 * @param features the preset (or combination) whose features the unit trains on
 * @param featuresVary whether the experiment compares presets: then the preset is one more key of the unit, shown
 *     in its params and id as {@code features=<preset>}; else they stay as before presets could vary
 * @param nTrain target training rows requested; 0 means all of the fold's training rows
 */
public record WorkUnit(String architecture, String learner, Map<String, String> params, String features,
    boolean featuresVary, int fold, int nTrain, int repeat, long seed) implements Serializable {
  /** The key of the preset among a unit's params. */
  public static final String FEATURES = "features";

  public WorkUnit {
    params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    if (params.containsKey(FEATURES)) {
      throw new IllegalArgumentException("a learner's hyperparameter cannot be called " + FEATURES);
    }
  }

  /**
   * Hyperparameters as {@code k=v,k=v}, sorted, with {@code features=<preset>} among them when presets vary: the
   * {@code params} column.
   */
  public String paramsText() {
    if (!featuresVary) {
      return ParamsText.of(params);
    }
    Map<String, String> shown = new TreeMap<>(params);
    shown.put(FEATURES, features);
    return ParamsText.of(shown);
  }

  /** Stable across runs and partitionings: derived from the unit's keys only. */
  public String id() {
    return architecture + "|" + learner + "|" + paramsText() + "|f" + fold + "|n" + nTrain + "|r" + repeat;
  }
}
