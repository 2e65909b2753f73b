package org.transferlake.jobs;

import java.util.concurrent.Callable;
import org.transferlake.config.Settings;
import org.transferlake.pipeline.ExperimentChecks;
import org.transferlake.pipeline.PipelineRun;
import org.transferlake.pipeline.PipelineSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code transferlake run}: the whole pipeline, as far as it exists. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the pipeline end to end on the configured lake: ingest every source, featurize the new"
        + " composition keys, then train the experiments of transferlake.run.experiments.",
        "Exit code 1 when a stage failed."})
final class RunCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    Settings settings = common.settings();
    ExperimentChecks.verify(settings, settings.runExperiments()); // before Spark starts, not after ingest
    try (PipelineSession session = new PipelineSession(settings, "run")) {
      return new PipelineRun(session, new StagePrinter(System.out, true)).run().ok() ? 0 : 1;
    }
  }
}
