package org.transferlake.pipeline;

import java.util.List;
import org.transferlake.ingest.SourceOutcome;

/**
 * An ingest run: what each source gave, and the most frequent reasons its records were rejected.
 *
 * @param rejectsTable the table holding every rejected record
 * @param topRejections the most frequent reasons of this run, most frequent first
 * @param outOfRange sources whose records were refused as out of range above
 *     {@code transferlake.ingest.out-of-range-max-share} of those read
 */
public record IngestResult(String runId, List<SourceOutcome> sources, String rejectsTable,
    List<RejectionCount> topRejections, List<OutOfRange> outOfRange) {
  /** How many records of one source were rejected for one reason, with one of the reasons as written. */
  public record RejectionCount(String sourceId, String reasonCode, long count, String example) {}

  /** A source with a large share of its records refused as out of range: often a unit declared wrong. */
  public record OutOfRange(String sourceId, long refused, long read, double maxShare, String example) {
    public double share() {
      return (double) refused / read;
    }
  }

  /** False when a source failed, or had too many records refused as out of range. */
  public boolean ok() {
    return sources.stream().noneMatch(SourceOutcome::failed) && outOfRange.isEmpty();
  }
}
