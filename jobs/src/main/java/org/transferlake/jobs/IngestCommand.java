package org.transferlake.jobs;

import java.util.List;
import java.util.concurrent.Callable;
import org.transferlake.pipeline.IngestStage;
import org.transferlake.pipeline.PipelineSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code transferlake ingest}: the source catalog into the lake's curated tables. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Read every source of the catalog (conf/sources) from the mirror directory into lake.curated.*"
        + " and record counts in lake.ops.ingest_runs.", "Unchanged sources are skipped; flagged ones too with --set"
        + " transferlake.sources.exclude-flagged=true.", "Exit code 1 when any source failed."})
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
    try (PipelineSession session = new PipelineSession(common.settings(), "ingest")) {
      return new IngestStage(session, new StagePrinter(System.out)).run().ok() ? 0 : 1;
    }
  }
}
