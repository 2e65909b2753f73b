package org.transferlake.ingest.formats;

import java.util.Map;

/** Receives what parsing a source file yields, record by record. */
public interface IngestSink {
  /** One per record read: accepted when it yielded at least one observation or element value. */
  void record(long recordNumber, boolean accepted);

  /**
   * A record that yielded observations without a formula: it is accepted or refused once its id is looked up
   * in the source named by {@code formula-by-id} ({@link IdResolution}).
   */
  void pendingRecord(long recordNumber, String id, String rawRecord);

  void observation(long recordNumber, String compositionKey, String formulaRaw, Double valueDouble,
      String valueLabel, String unit, String property, String fidelity, String sourceRecordId,
      Map<String, String> conditions);

  void elementValue(long recordNumber, String element, int atomicNumber, String property, double value,
      String unit);

  /**
   * A refused record ({@code field} null) or a refused value inside an accepted record.
   *
   * @param code a short category of the reason (see {@link RejectCodes}), for counting by kind
   */
  void reject(long recordNumber, String field, String rawRecord, String code, String reason);

  /** The file cannot be used at all (a missing column, say): the whole source fails. */
  void failure(String message);
}
