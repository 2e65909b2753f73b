package org.transferlake.lineage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;

/**
 * Which source contexts an experiment must refuse for its target context, so that test targets cannot leak in
 * through a "source": every context linked to the target, in either direction, across properties, directly or
 * through a chain of links; a link joins two contexts and never spreads to a source's other contexts (MEGNet's
 * HSE stays usable when MEGNet's experimental values are linked to Zhuo's). With
 * {@code transferlake.sources.exclude-flagged}, the contexts of flagged sources are refused too.
 *
 * <p>Without any link, a source of the target's property is refused when both fidelities are experimental
 * ({@code transferlake.lineage.experimental-fidelities}): two tables of measured values of one property, gathered
 * from the literature, often hold the same measurements. An experiment may allow such a source, saying why; a
 * link or a flag is never allowed away.
 */
public final class Lineage {
  private final Map<String, List<Link>> linksByContext = new HashMap<>();
  private final Map<String, List<String>> flagsBySource;
  private final boolean excludeFlagged;
  private final Set<String> experimentalFidelities;

  /**
   * @param flagsBySource the catalog flags of each source (no_licence, ...)
   * @param excludeFlagged whether a flagged source's contexts are refused
   * @param experimentalFidelities the fidelities whose values are measurements ({@code experiment})
   */
  public Lineage(Collection<Link> links, Map<String, List<String>> flagsBySource, boolean excludeFlagged,
      Collection<String> experimentalFidelities) {
    for (Link link : links) {
      linksByContext.computeIfAbsent(link.context(), k -> new ArrayList<>()).add(link);
      linksByContext.computeIfAbsent(link.otherContext(), k -> new ArrayList<>()).add(link);
    }
    this.flagsBySource = Map.copyOf(flagsBySource);
    this.excludeFlagged = excludeFlagged;
    this.experimentalFidelities = Set.copyOf(experimentalFidelities);
  }

  /** The rule that needs no catalog, experimental sources of an experimental target, alone: before Spark starts. */
  public static Lineage withoutLinks(Collection<String> experimentalFidelities) {
    return new Lineage(List.of(), Map.of(), false, experimentalFidelities);
  }

  /** The links and flags of the catalog as last ingested ({@code curated.sources}). */
  public static Lineage fromLake(Lake lake, boolean excludeFlagged, Collection<String> experimentalFidelities) {
    List<Link> links = new ArrayList<>();
    Map<String, List<String>> flags = new HashMap<>();
    for (Row r : lake.read(LakeTable.SOURCES).select("source_id", "flags", "lineage").collectAsList()) {
      flags.put(r.getString(0), r.isNullAt(1) ? List.of() : List.copyOf(r.getList(1)));
      if (!r.isNullAt(2)) {
        for (Row l : r.<Row>getList(2)) {
          links.add(new Link(l.getString(0), l.getString(1), l.getString(2), l.getString(3)));
        }
      }
    }
    return new Lineage(links, flags, excludeFlagged, experimentalFidelities);
  }

  /** {@link #refused(String, Collection, Collection)} with no experimental source allowed. */
  public Map<String, String> refused(String target, Collection<String> candidates) {
    return refused(target, candidates, List.of());
  }

  /**
   * The candidates an experiment with this target must refuse, each with the reason, in the candidates' order;
   * the others are not in the map.
   *
   * @param allowedExperimental candidates the experiment allows although both they and the target are experimental
   */
  public Map<String, String> refused(String target, Collection<String> candidates,
      Collection<String> allowedExperimental) {
    Context t = Context.parse(target);
    Map<String, List<Link>> paths = pathsFrom(target);
    Map<String, String> out = new LinkedHashMap<>();
    for (String candidate : candidates) {
      Context c = Context.parse(candidate);
      List<String> reasons = new ArrayList<>();
      if (candidate.equals(target)) {
        reasons.add("it is the target context");
      } else if (paths.containsKey(candidate)) {
        reasons.add("linked to the target " + target + ": "
            + String.join("; ", paths.get(candidate).stream().map(Link::toString).toList()));
      } else if (bothExperimental(t, c) && !allowedExperimental.contains(candidate)) {
        reasons.add("both are experimental " + c.property() + " values (transferlake.lineage.experimental-fidelities):"
            + " measurements of the same property can be the same measurements, a leak; to use it anyway, allow it"
            + " in the experiment: allow-experimental-sources { \"" + candidate + "\" = \"why\" }");
      }
      List<String> flags = flagsBySource.getOrDefault(c.sourceId(), List.of());
      if (excludeFlagged && !flags.isEmpty()) {
        reasons.add("source " + c.sourceId() + " is flagged " + String.join(", ", flags)
            + " and transferlake.sources.exclude-flagged = true");
      }
      if (!reasons.isEmpty()) {
        out.put(candidate, String.join("; ", reasons));
      }
    }
    return out;
  }

  /** Whether both contexts hold measured values of one property. */
  private boolean bothExperimental(Context target, Context candidate) {
    return target.property().equals(candidate.property()) && experimentalFidelities.contains(target.fidelity())
        && experimentalFidelities.contains(candidate.fidelity());
  }

  /** Every context reachable from {@code start} over links in either direction, with the links that lead there. */
  private Map<String, List<Link>> pathsFrom(String start) {
    Map<String, List<Link>> paths = new HashMap<>();
    paths.put(start, List.of());
    Deque<String> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      String here = queue.poll();
      for (Link link : linksByContext.getOrDefault(here, List.of())) {
        String next = link.context().equals(here) ? link.otherContext() : link.context();
        if (!paths.containsKey(next)) {
          List<Link> path = new ArrayList<>(paths.get(here));
          path.add(link);
          paths.put(next, path);
          queue.add(next);
        }
      }
    }
    paths.remove(start);
    return paths;
  }
}
