package org.transferlake.train.experiment;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A learner of an experiment with its hyperparameter grid: every combination ({@code grid}), {@code samples}
 * combinations drawn with the experiment's seed ({@code random}), or those candidates narrowed by successive halving
 * ({@code halving}: every grid point where samples is 0).
 *
 * @param grid each listed hyperparameter's values
 * @param ranges hyperparameters drawn from a range (random and halving search only)
 * @param eta halving: each rung keeps the best 1/eta of its candidates, at eta times the budget
 * @param minResource halving: rung 0's share of the full budget; 0 derives it from the candidates
 */
public record LearnerSpec(String name, Map<String, List<String>> grid, String search, int samples,
    Map<String, ParamRange> ranges, int eta, double minResource) implements Serializable {
  public static final String GRID = "grid";
  public static final String RANDOM = "random";
  public static final String HALVING = "halving";

  public LearnerSpec {
    grid = java.util.Collections.unmodifiableMap(new TreeMap<>(grid));
    ranges = java.util.Collections.unmodifiableMap(new TreeMap<>(ranges));
  }

  /** A grid of listed values only, searched as {@code search} says (no halving settings). */
  public LearnerSpec(String name, Map<String, List<String>> grid, String search, int samples) {
    this(name, grid, search, samples, Map.of(), 3, 0);
  }

  /** Whether successive halving narrows the candidates. */
  public boolean halving() {
    return HALVING.equals(search);
  }

  /** Size of the full grid. */
  public long gridSize() {
    long n = 1;
    for (List<String> values : grid.values()) {
      n *= values.size();
    }
    return n;
  }

  /** The hyperparameter points to train (halving: its candidates at rung 0), in a stable order. */
  public List<Map<String, String>> points(long seed) {
    if (!ranges.isEmpty()) {
      return drawn(seed);
    }
    List<Map<String, String>> all = new ArrayList<>();
    all.add(new TreeMap<>());
    for (Map.Entry<String, List<String>> e : grid.entrySet()) {
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> partial : all) {
        for (String value : e.getValue()) {
          Map<String, String> point = new TreeMap<>(partial);
          point.put(e.getKey(), value);
          next.add(point);
        }
      }
      all = next;
    }
    if (GRID.equals(search) || samples == 0 || samples >= all.size()) {
      return all;
    }
    // A seeded partial shuffle: the same seed draws the same points.
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < samples; i++) {
      int j = i + random.nextInt(all.size() - i);
      Map<String, String> swap = all.get(i);
      all.set(i, all.get(j));
      all.set(j, swap);
    }
    return new ArrayList<>(all.subList(0, samples));
  }

  /**
   * {@code samples} distinct points, each hyperparameter drawn in name order from its list (uniformly) or range:
   * fewer where the space, as written, holds fewer.
   */
  private List<Map<String, String>> drawn(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Set<Map<String, String>> points = new LinkedHashSet<>();
    Set<String> names = new java.util.TreeSet<>(grid.keySet());
    names.addAll(ranges.keySet());
    for (int tries = 0; points.size() < samples && tries < 100 * samples; tries++) {
      Map<String, String> point = new TreeMap<>();
      for (String p : names) {
        List<String> values = grid.get(p);
        point.put(p, values != null ? values.get(random.nextInt(values.size())) : ranges.get(p).draw(random));
      }
      points.add(point);
    }
    return new ArrayList<>(points);
  }
}
