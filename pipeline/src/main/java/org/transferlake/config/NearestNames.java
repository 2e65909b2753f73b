package org.transferlake.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** The known names nearest a name that is not known, for messages that name the fix. */
public final class NearestNames {
  // commons-text comes with Spark, so its edit distance costs no dependency of our own
  private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

  private NearestNames() {}

  /** The one of {@code known} nearest {@code name}, when it is within a third of the name's length in edits; else null. */
  public static String close(String name, Collection<String> known) {
    List<String> nearest = of(name, known, 1);
    return !nearest.isEmpty() && 3 * DISTANCE.apply(name, nearest.get(0)) <= name.length() ? nearest.get(0) : null;
  }

  /** Up to {@code max} of {@code known}, nearest {@code name} first (fewest edits, then alphabetical). */
  public static List<String> of(String name, Collection<String> known, int max) {
    return known.stream().distinct()
        .sorted(Comparator.comparingInt((String k) -> DISTANCE.apply(name, k)).thenComparing(k -> k))
        .limit(max).toList();
  }
}
