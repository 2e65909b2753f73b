package org.transferlake.ingest;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.transferlake.ingest.SourcesTable.Previous;
import org.transferlake.ingest.catalog.SourceDefinition;
import org.transferlake.ingest.catalog.SourceFiles;

/**
 * Decides what an ingest run does with each source: ingest it, skip it as unchanged, or fail it. A source is
 * unchanged when its files, its definition and, for a source whose formulas come by id, its id source's
 * files and definition are as at its last successful ingest: a changed id source re-resolves its dependents.
 */
final class IngestPlan {
  /** Sources failed or unchanged before any parsing. */
  final Map<String, SourceOutcome> settled = new LinkedHashMap<>();
  final Map<String, SourceFiles.Resolved> toIngest = new LinkedHashMap<>();
  /** Per source to ingest: the sources it depends on → their fingerprint ({@code sha256 definition_sha256}). */
  final Map<String, Map<String, String>> dependsOn = new HashMap<>();
  /** What the lake recorded for each source, where it has ingested it before. */
  final Map<String, Previous> previous;

  private IngestPlan(Map<String, Previous> previous) {
    this.previous = previous;
  }

  static IngestPlan make(List<SourceFiles.Resolved> sources, Map<String, Previous> previous) {
    IngestPlan plan = new IngestPlan(previous);
    for (SourceFiles.Resolved r : sources) {
      if (r.source().formulaById() == null) {
        plan.decide(r, previous.get(r.source().id()), Map.of());
      }
    }
    for (SourceFiles.Resolved r : sources) {
      String idSource = r.source().formulaById();
      if (idSource == null) {
        continue;
      }
      String fingerprint = plan.fingerprint(idSource, previous);
      if (fingerprint == null) {
        plan.settled.put(r.source().id(), SourceOutcome.failure(r.source().id(), r.sha256(),
            "its formulas come by id from source '" + idSource + "', which is neither ingested in this run nor in the"
            + " lake: ingest both (transferlake.sources.only = [" + idSource + ", " + r.source().id() + "])"));
      } else {
        plan.decide(r, previous.get(r.source().id()), Map.of(idSource, fingerprint));
      }
    }
    return plan;
  }

  private void decide(SourceFiles.Resolved r, Previous before, Map<String, String> dependencies) {
    String id = r.source().id();
    if (r.problem() != null) {
      settled.put(id, SourceOutcome.failure(id, r.sha256(), r.problem()));
    } else if (before != null && Objects.equals(before.sha256(), r.sha256())
        && Objects.equals(before.definitionSha256(), r.source().definitionSha256())
        && Objects.equals(before.dependsOn(), dependencies)) {
      settled.put(id, new SourceOutcome(id, SourceOutcome.UNCHANGED, 0, 0, 0, 0, 0, r.sha256(),
          "unchanged since ingest run " + before.runId()
              + (dependencies.isEmpty() ? "" : ", and so are its id sources " + dependencies.keySet()), 0));
    } else {
      toIngest.put(id, r);
      dependsOn.put(id, dependencies);
    }
  }

  /**
   * The id source's rows as the dependent will see them: this run's when the id source is ingested now, else
   * the lake's (it is unchanged, not selected, or failed and kept its rows); null when there are none.
   */
  /** Whether any of these sources holds, or held at its last ingest, rows of this kind. */
  boolean touches(List<String> ids, SourceDefinition.Kind kind) {
    String name = SourcesTable.kindName(kind);
    return ids.stream().anyMatch(id -> toIngest.get(id).source().kind() == kind
        || (previous.containsKey(id) && name.equals(previous.get(id).kind())));
  }

  private String fingerprint(String idSource, Map<String, Previous> previous) {
    SourceFiles.Resolved now = toIngest.get(idSource);
    if (now != null) {
      return now.sha256() + " " + now.source().definitionSha256();
    }
    Previous before = previous.get(idSource);
    return before == null ? null : before.sha256() + " " + before.definitionSha256();
  }
}
