package org.transferlake.ingest;

/**
 * What ingesting one source did: the row it leaves in {@code ops.ingest_runs}.
 *
 * @param status ok, unchanged or failed
 */
public record SourceOutcome(String sourceId, String status, long recordsRead, long recordsAccepted,
    long recordsRejected, long observationsWritten, long valuesRejected, String sha256, String message,
    double seconds) {

  public static final String OK = "ok";
  public static final String UNCHANGED = "unchanged";
  public static final String FAILED = "failed";

  /** The outcome of a source that failed before anything of it was written. */
  static SourceOutcome failure(String sourceId, String sha256, String message) {
    return new SourceOutcome(sourceId, FAILED, 0, 0, 0, 0, 0, sha256, message, 0);
  }

  public boolean failed() {
    return FAILED.equals(status);
  }
}
