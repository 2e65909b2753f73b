package org.transferlake.train.experiment;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A learner of an experiment with its hyperparameter grid: every combination ({@code grid}) or {@code samples}
 * combinations drawn with the experiment's seed ({@code random}).
 */
public record LearnerSpec(String name, Map<String, List<String>> grid, String search, int samples)
    implements Serializable {

  public LearnerSpec {
    grid = java.util.Collections.unmodifiableMap(new TreeMap<>(grid));
  }

  /** Size of the full grid. */
  public long gridSize() {
    long n = 1;
    for (List<String> values : grid.values()) {
      n *= values.size();
    }
    return n;
  }

  /** The hyperparameter points to train, in a stable order. */
  public List<Map<String, String>> points(long seed) {
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
    if (!"random".equals(search) || samples >= all.size()) {
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
}
