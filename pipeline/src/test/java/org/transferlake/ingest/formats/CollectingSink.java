package org.transferlake.ingest.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Keeps everything a parser yields, for assertions. */
public final class CollectingSink implements IngestSink {
  record Obs(long record, String key, String formula, Double value, String label, String property, String fidelity,
      String recordId, Map<String, String> conditions) {}

  record ElementValue(long record, String element, int z, String property, double value, String unit) {}

  record Reject(long record, String field, String raw, String code, String reason) {}

  final List<Long> accepted = new ArrayList<>();
  public final List<Long> refused = new ArrayList<>();
  /** Records waiting for their formula by id: number and id. */
  final Map<Long, String> pending = new java.util.LinkedHashMap<>();
  final List<Obs> observations = new ArrayList<>();
  final List<ElementValue> elementValues = new ArrayList<>();
  public final List<Reject> rejects = new ArrayList<>();
  final List<String> failures = new ArrayList<>();

  @Override
  public void record(long recordNumber, boolean ok) {
    (ok ? accepted : refused).add(recordNumber);
  }

  @Override
  public void pendingRecord(long recordNumber, String id, String rawRecord) {
    pending.put(recordNumber, id);
  }

  @Override
  public void observation(long recordNumber, String compositionKey, String formulaRaw, Double valueDouble,
      String valueLabel, String unit, String property, String fidelity, String sourceRecordId,
      Map<String, String> conditions) {
    observations.add(new Obs(recordNumber, compositionKey, formulaRaw, valueDouble, valueLabel, property, fidelity,
        sourceRecordId, Map.copyOf(conditions)));
  }

  @Override
  public void elementValue(long recordNumber, String element, int atomicNumber, String property, double value,
      String unit) {
    elementValues.add(new ElementValue(recordNumber, element, atomicNumber, property, value, unit));
  }

  @Override
  public void reject(long recordNumber, String field, String rawRecord, String code, String reason) {
    rejects.add(new Reject(recordNumber, field, rawRecord, code, reason));
  }

  @Override
  public void failure(String message) {
    failures.add(message);
  }

  long recordsRead() {
    return accepted.size() + refused.size() + pending.size();
  }

  /** Whole-record rejects must match refused records one to one. */
  public List<Reject> recordRejects() {
    return rejects.stream().filter(r -> r.field() == null).toList();
  }
}
