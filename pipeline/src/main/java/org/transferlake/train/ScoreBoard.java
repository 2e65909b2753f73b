package org.transferlake.train;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.util.AccumulatorV2;

/**
 * Units done and their test scores so far, gathered from tasks while a run goes on: per architecture, learner,
 * hyperparameters and training size, the sum and count of the unit scores (lower is better: MAE or log-loss).
 */
final class ScoreBoard extends AccumulatorV2<ScoreBoard.Score, Map<String, double[]>> {
  /** One unit's score. */
  public record Score(String architecture, String model, double value) implements java.io.Serializable {}

  // The driver merges task updates while the progress thread reads: every access holds the lock.
  private final Map<String, double[]> sums = new TreeMap<>();

  @Override
  public synchronized boolean isZero() {
    return sums.isEmpty();
  }

  @Override
  public ScoreBoard copy() {
    ScoreBoard copy = new ScoreBoard();
    copy.merge(this);
    return copy;
  }

  @Override
  public synchronized void reset() {
    sums.clear();
  }

  @Override
  public synchronized void add(Score score) {
    double[] s = sums.computeIfAbsent(score.architecture() + "\t" + score.model(), k -> new double[2]);
    s[0] += Double.isNaN(score.value()) ? 0 : score.value();
    s[1] += 1;
  }

  @Override
  public void merge(AccumulatorV2<Score, Map<String, double[]>> other) {
    add(other.value());
  }

  /** Adds sums and counts as {@link #value()} gives them (another board's, or a running task's). */
  synchronized void add(Map<String, double[]> other) {
    other.forEach((k, v) -> {
      double[] s = sums.computeIfAbsent(k, unused -> new double[2]);
      s[0] += v[0];
      s[1] += v[1];
    });
  }

  @Override
  public synchronized Map<String, double[]> value() {
    Map<String, double[]> copy = new TreeMap<>();
    sums.forEach((k, v) -> copy.put(k, v.clone()));
    return copy;
  }

  /** Units counted so far. */
  public long units() {
    return Math.round(value().values().stream().mapToDouble(v -> v[1]).sum());
  }

  /** Per architecture, the lowest mean score of any of its learner/hyperparameter/size combinations so far. */
  public Map<String, Double> bestPerArchitecture() {
    Map<String, Double> best = new TreeMap<>();
    value().forEach((k, v) -> best.merge(k.substring(0, k.indexOf('\t')), v[0] / v[1], Math::min));
    return best;
  }
}
