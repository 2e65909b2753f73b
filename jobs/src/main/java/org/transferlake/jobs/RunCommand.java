package org.transferlake.jobs;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code transferlake run}: the whole pipeline, as far as it exists. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the pipeline end to end on the configured lake: ingest every source.",
        "Exit code 1 when a stage failed."})
final class RunCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    try (JobContext job = new JobContext(common.settings(), "run")) {
      System.out.println("== ingest");
      boolean ok = IngestCommand.ingest(job, System.out);
      return ok ? 0 : 1;
    }
  }
}
