package org.transferlake.model.acquisition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The next experiments: candidates ranked by acquisition value (larger first, ties by composition key, then by
 * position), and a batch chosen greedily down that ranking. The batch takes each composition key once and, to
 * stay diverse, at most {@code perGroup} candidates of one group (chemical system): candidates of one system share
 * precursors and mostly one model error, so a second from a system already chosen teaches little that the first
 * does not, and a rule on element sets is exact and needs no distance scale on compositions. A batch is smaller
 * than asked for when too few groups remain; it is never filled by breaking the rule.
 */
public final class Batch {
  /** At most one candidate per chemical system, by default. */
  public static final int DEFAULT_PER_GROUP = 1;

  private final int[] rank;
  private final boolean[] inBatch;
  private final List<Integer> chosen;

  private Batch(int[] rank, boolean[] inBatch, List<Integer> chosen) {
    this.rank = rank;
    this.inBatch = inBatch;
    this.chosen = chosen;
  }

  /**
   * Ranks the candidates and chooses a batch.
   *
   * @param size the batch's size, at least 1
   * @param perGroup the most candidates of one group in the batch, at least 1; 0 for no limit (diversity off)
   */
  public static Batch select(List<Candidate> candidates, int size, int perGroup) {
    if (size < 1) {
      throw new IllegalArgumentException("batch size " + size + ": expected at least 1");
    }
    if (perGroup < 0) {
      throw new IllegalArgumentException("batch: at most " + perGroup + " per chemical system; expected at least"
          + " 1, or 0 for no limit");
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      if (!Double.isNaN(candidates.get(i).value())) {
        order.add(i);
      }
    }
    order.sort(Comparator.<Integer>comparingDouble(i -> -candidates.get(i).value())
        .thenComparing(i -> String.valueOf(candidates.get(i).key()))
        .thenComparingInt(i -> i));
    List<Integer> chosen = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    Map<String, Integer> perGroupCount = new HashMap<>();
    boolean[] inBatch = new boolean[candidates.size()];
    for (int i : order) {
      if (chosen.size() == size) {
        break;
      }
      Candidate c = candidates.get(i);
      String group = c.group() == null ? c.key() : c.group();
      if (keys.contains(c.key()) || (perGroup > 0 && perGroupCount.getOrDefault(group, 0) >= perGroup)) {
        continue;
      }
      keys.add(c.key());
      perGroupCount.merge(group, 1, Integer::sum);
      chosen.add(i);
      inBatch[i] = true;
    }
    int[] rank = new int[candidates.size()];
    int next = 1;
    for (int i : chosen) {
      rank[i] = next++;
    }
    for (int i : order) {
      if (!inBatch[i]) {
        rank[i] = next++;
      }
    }
    return new Batch(rank, inBatch, List.copyOf(chosen));
  }

  /**
   * The order to measure candidate {@code index} in, from 1: the batch first, in the order chosen, then the rest
   * by value; 0 for a candidate without a value.
   */
  public int rank(int index) {
    return rank[index];
  }

  public boolean inBatch(int index) {
    return inBatch[index];
  }

  /** The batch: candidates' indices, in the order chosen. */
  public List<Integer> chosen() {
    return chosen;
  }

  /** Every candidate's {@link #rank}, by index. */
  public int[] ranks() {
    return Arrays.copyOf(rank, rank.length);
  }
}
