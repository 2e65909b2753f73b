package org.transferlake.train.campaign;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a campaign has measured: target rows by index, each composition key once. A row whose key is measured
 * (by itself or by another record of the same composition) is no longer a candidate.
 */
final class Pool {
  private final String[] keys;
  private final Set<String> measuredKeys = new HashSet<>();
  private final List<Integer> measured = new ArrayList<>();

  Pool(String[] keys) {
    this.keys = keys;
  }

  boolean isMeasured(int row) {
    return measuredKeys.contains(keys[row]);
  }

  /** Measures a row: its key leaves the candidates. */
  void measure(int row) {
    if (!measuredKeys.add(keys[row])) {
      throw new IllegalStateException("composition " + keys[row] + " is measured twice");
    }
    measured.add(row);
  }

  /** The measured rows, in the order measured. */
  int[] measured() {
    return measured.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The candidates: rows of keys not yet measured, in row order. */
  int[] candidates() {
    List<Integer> out = new ArrayList<>();
    for (int r = 0; r < keys.length; r++) {
      if (!measuredKeys.contains(keys[r])) {
        out.add(r);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The first {@code n} rows of {@code order} whose keys are unmeasured and distinct: a seeded order's next picks.
   */
  List<Integer> next(int[] order, int n) {
    List<Integer> out = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < order.length && out.size() < n; i++) {
      int row = order[i];
      if (!measuredKeys.contains(keys[row]) && taken.add(keys[row])) {
        out.add(row);
      }
    }
    return out;
  }
}
