package org.transferlake.pipeline;

import java.util.List;
import org.transferlake.ingest.SourceOutcome;

/**
 * An ingest run: what each source gave, and the most frequent reasons its records were rejected.
 *
 * @param rejectsTable the table holding every rejected record
 * @param topRejections the most frequent reasons of this run, most frequent first
 */
public record IngestResult(String runId, List<SourceOutcome> sources, String rejectsTable,
    List<RejectionCount> topRejections) {
  /** How many records of one source were rejected for one reason, with one of the reasons as written. */
  public record RejectionCount(String sourceId, String reasonCode, long count, String example) {}

  /** False when a source failed. */
  public boolean ok() {
    return sources.stream().noneMatch(SourceOutcome::failed);
  }
}
