package org.transferlake.report;

import java.time.Instant;
import java.util.Map;

/**
 * A train or campaign run with its row in {@code ops.runs}: the only runs a report considers.
 *
 * @param sourceCoverage per link of each source chain ({@code sources[0][1] <context>}, {@code sources[0][none]}),
 *     the target compositions it covered, sorted by key; empty without a chain
 * @param kind train, or campaign for simulated campaigns (results.campaign_rounds)
 */
public record PublishedRun(String runId, String experiment, long units, Instant startedAt, Instant finishedAt,
    double seconds, String codeVersion, String configSha256, String definition, String settings,
    Map<String, Long> inputSnapshots, Map<String, Long> sourceCoverage, String kind) {
  /** Whether the run simulated campaigns (kind {@code campaign}) rather than trained units. */
  public boolean campaign() {
    return "campaign".equals(kind);
  }
}
