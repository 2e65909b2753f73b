package org.transferlake.train.units;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.transferlake.model.learn.ParamsText;

/**
 * One training to run: an architecture with a learner and hyperparameters, on one outer fold, at one target
 * training-set size, with one repeat's seed.
 *
 * @param nTrain target training rows requested; 0 means all of the fold's training rows
 */
public record WorkUnit(String architecture, String learner, Map<String, String> params, int fold, int nTrain,
    int repeat, long seed) implements Serializable {

  public WorkUnit {
    params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
  }

  /** Hyperparameters as {@code k=v,k=v}, sorted: the {@code params} column. */
  public String paramsText() {
    return ParamsText.of(params);
  }

  /** Stable across runs and partitionings: derived from the unit's keys only. */
  public String id() {
    return architecture + "|" + learner + "|" + paramsText() + "|f" + fold + "|n" + nTrain + "|r" + repeat;
  }
}
