package org.transferlake.train.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Fold assignments: k folds grouped by composition key (no composition in two folds), seeded. */
public final class Folds {
  private Folds() {}

  /** Fold of each row: the keys, shuffled with {@code seed}, are dealt round-robin to {@code k} folds. */
  public static int[] groupedByKey(String[] keys, int k, long seed) {
    Map<String, Integer> foldOfKey = new LinkedHashMap<>();
    List<String> distinct = new ArrayList<>();
    for (String key : keys) {
      if (foldOfKey.putIfAbsent(key, -1) == null) {
        distinct.add(key);
      }
    }
    distinct.sort(null); // independent of row order
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = distinct.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String swap = distinct.get(i);
      distinct.set(i, distinct.get(j));
      distinct.set(j, swap);
    }
    for (int i = 0; i < distinct.size(); i++) {
      foldOfKey.put(distinct.get(i), i % k);
    }
    int[] folds = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      folds[i] = foldOfKey.get(keys[i]);
    }
    return folds;
  }

  /**
   * Fold of each row from a hash of its composition key and {@code seed}: the same key gets the same fold in
   * every experiment with that seed, whatever other keys it has.
   */
  public static int[] hashedByKey(String[] keys, int k, long seed) {
    int[] folds = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      folds[i] = (int) Math.floorMod(org.transferlake.model.transfer.Seeds.derive(seed, "fold|" + keys[i], 0), (long) k);
    }
    return folds;
  }

  /** Rows in {@code fold} ({@code inFold}) or in every other fold, among {@code rows}. */
  public static int[] select(int[] folds, int[] rows, int fold, boolean inFold) {
    return java.util.Arrays.stream(rows).filter(r -> (folds[r] == fold) == inFold).toArray();
  }

  public static int[] all(int n) {
    return java.util.stream.IntStream.range(0, n).toArray();
  }
}
