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

  public boolean failed() {
    return FAILED.equals(status);
  }
}
