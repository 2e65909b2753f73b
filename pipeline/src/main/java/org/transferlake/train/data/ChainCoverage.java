package org.transferlake.train.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How many of the target's compositions each link of a source chain gave the value of, and how many no link held.
 *
 * @param source the source's key in the experiment, {@code sources[0]}
 * @param links the chain's context ids, in order
 * @param covered per link, the target compositions whose value came from it
 * @param uncovered the target compositions no link holds
 */
public record ChainCoverage(String source, List<String> links, List<Long> covered, long uncovered)
    implements Serializable {
  /** The entry of {@link #counts()} for the compositions no link holds. */
  public static final String NO_LINK = "no link";

  public ChainCoverage {
    if (links.size() != covered.size()) {
      throw new IllegalArgumentException(source + ": " + links.size() + " links, " + covered.size() + " counts");
    }
    links = List.copyOf(links);
    covered = List.copyOf(covered);
  }

  /**
   * @param linkByKey the link each merged composition came from (see {@link SourceChain})
   * @param targetKeys the target's composition keys (a key repeated by several records counts once)
   */
  public static ChainCoverage of(String source, List<String> links, Map<String, Integer> linkByKey,
      String[] targetKeys) {
    long[] counts = new long[links.size()];
    long none = 0;
    Set<String> seen = new HashSet<>();
    for (String key : targetKeys) {
      if (seen.add(key)) {
        Integer link = linkByKey.get(key);
        if (link == null) {
          none++;
        } else {
          counts[link]++;
        }
      }
    }
    List<Long> covered = new ArrayList<>();
    for (long c : counts) {
      covered.add(c);
    }
    return new ChainCoverage(source, links, covered, none);
  }

  /** Each link's count under its context id, then {@code "no link"}'s, in the chain's order. */
  public Map<String, Long> counts() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int j = 0; j < links.size(); j++) {
      out.put(links.get(j), covered.get(j));
    }
    out.put(NO_LINK, uncovered);
    return out;
  }

  /**
   * The counts as {@code ops.runs.source_coverage} keeps them: {@code sources[0][1] band_gap/pbe/mp2019_gap}
   * per link, {@code sources[0][none]} for no link (which sorts after the links).
   */
  public Map<String, Long> runRecord() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int j = 0; j < links.size(); j++) {
      out.put(source + "[" + j + "] " + links.get(j), covered.get(j));
    }
    out.put(source + "[none]", uncovered);
    return out;
  }
}
