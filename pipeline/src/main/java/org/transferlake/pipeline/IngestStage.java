package org.transferlake.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.transferlake.ingest.IngestJob;
import org.transferlake.ingest.SourceOutcome;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;
import org.transferlake.lake.RunIds;
import org.transferlake.pipeline.IngestResult.RejectionCount;

/** The ingest stage: every source of the catalog (transferlake.sources.*) into the lake's curated tables. */
public final class IngestStage {
  /** How many rejection reasons a result lists. */
  private static final int TOP_REASONS = 15;

  private final PipelineSession session;
  private final StageListener listener;

  public IngestStage(PipelineSession session, StageListener listener) {
    this.session = session;
    this.listener = listener;
  }

  /** Ingests under the write lock, as run transferlake.run.id (or a fresh id). */
  public IngestResult run() {
    session.lockForWriting();
    String runId = RunIds.choose(session.settings().runId());
    List<SourceOutcome> outcomes = IngestJob.run(session.lake(), session.settings(), runId);
    Lake lake = session.lake();
    IngestResult result = new IngestResult(runId, outcomes, lake.name(LakeTable.REJECTS), topRejections(lake, runId),
        outOfRange(lake, runId, outcomes, session.settings().outOfRangeMaxShare()));
    listener.ingested(result);
    return result;
  }

  /** The sources of this run with more of their records refused as out of range than {@code maxShare}. */
  private static List<IngestResult.OutOfRange> outOfRange(Lake lake, String runId, List<SourceOutcome> outcomes,
      double maxShare) {
    Map<String, Map.Entry<Long, String>> refused = IngestJob.outOfRangeRefusals(lake, runId);
    List<IngestResult.OutOfRange> out = new ArrayList<>();
    for (SourceOutcome o : outcomes) {
      Map.Entry<Long, String> r = refused.get(o.sourceId());
      if (r != null && o.recordsRead() > 0 && (double) r.getKey() / o.recordsRead() > maxShare) {
        out.add(new IngestResult.OutOfRange(o.sourceId(), r.getKey(), o.recordsRead(), maxShare, r.getValue()));
      }
    }
    return out;
  }

  private static List<RejectionCount> topRejections(Lake lake, String runId) {
    return lake.spark().sql("SELECT source_id, reason_code, count(*) AS n, min(reason) AS example FROM "
        + lake.name(LakeTable.REJECTS) + " WHERE ingest_run_id = '" + runId + "'"
        + " GROUP BY source_id, reason_code ORDER BY n DESC, source_id LIMIT " + TOP_REASONS).collectAsList()
        .stream().map(r -> new RejectionCount(r.getString(0), r.getString(1), r.getLong(2), r.getString(3))).toList();
  }
}
