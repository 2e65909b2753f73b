package org.transferlake.jobs;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.transferlake.ingest.IngestJob;
import org.transferlake.ingest.SourceOutcome;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;
import org.transferlake.lake.RunIds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code transferlake ingest}: the source catalog into the lake's curated tables. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Read every source of the catalog (conf/sources) from the mirror directory into",
        "lake.curated.* and record counts in lake.ops.ingest_runs. Unchanged sources are skipped;",
        "flagged ones too with --set transferlake.sources.exclude-flagged=true.",
        "Exit code 1 when any source failed."})
final class IngestCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--source", paramLabel = "ID", split = ",",
      description = "Ingest only these sources (default: transferlake.sources.only, else all).")
  List<String> sources = List.of();

  @Option(names = "--download",
      description = "Fetch files missing from the mirror from their catalog origin URLs, checking pinned checksums"
          + " (transferlake.ingest.download.enabled).")
  boolean download;

  @Override
  public Integer call() {
    if (!sources.isEmpty()) {
      common.overrides.put("transferlake.sources.only", "[" + String.join(",", sources) + "]");
    }
    if (download) {
      common.overrides.put("transferlake.ingest.download.enabled", "true");
    }
    try (JobContext job = new JobContext(common.settings(), "ingest").lockForWriting()) {
      return ingest(job, System.out) ? 0 : 1;
    }
  }

  /** Runs ingest and prints its summary; false when a source failed. */
  static boolean ingest(JobContext job, PrintStream out) {
    String runId = RunIds.choose(job.settings.runId());
    List<SourceOutcome> outcomes = IngestJob.run(job.lake, job.settings, runId);
    print(job.lake, runId, outcomes, out);
    return outcomes.stream().noneMatch(SourceOutcome::failed);
  }

  static void print(Lake lake, String runId, List<SourceOutcome> outcomes, PrintStream out) {
    out.println("ingest run " + runId);
    TextTable table = new TextTable("source", "status", "read", "accepted", "rejected", "observations",
        "values_rejected", "seconds");
    for (SourceOutcome o : outcomes) {
      table.add(o.sourceId(), o.status(), o.recordsRead(), o.recordsAccepted(), o.recordsRejected(),
          o.observationsWritten(), o.valuesRejected(), o.seconds());
    }
    table.print(out);
    for (SourceOutcome o : outcomes) {
      if (o.message() != null && o.failed()) {
        out.println("FAILED " + o.sourceId() + ": " + o.message());
      }
    }
    List<Row> reasons = lake.spark().sql("SELECT source_id, reason_code, count(*) AS n, min(reason) AS example FROM "
        + lake.name(LakeTable.REJECTS) + " WHERE ingest_run_id = '" + runId + "'"
        + " GROUP BY source_id, reason_code ORDER BY n DESC, source_id LIMIT 15").collectAsList();
    if (!reasons.isEmpty()) {
      out.println("top rejection reasons (all in " + lake.name(LakeTable.REJECTS) + "):");
      TextTable top = new TextTable("source", "reason_code", "count", "example");
      reasons.forEach(r -> top.add(r.getString(0), r.getString(1), r.getLong(2), r.getString(3)));
      top.print(out);
    }
  }
}
