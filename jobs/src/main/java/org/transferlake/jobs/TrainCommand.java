package org.transferlake.jobs;

import java.util.List;
import java.util.concurrent.Callable;
import org.transferlake.config.Settings;
import org.transferlake.pipeline.ExperimentChecks;
import org.transferlake.pipeline.PipelineSession;
import org.transferlake.pipeline.TrainStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code transferlake train}: an experiment's work units, trained in Spark tasks, into lake.results.*. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Run an experiment (conf/experiments/NAME.conf): every architecture x learner x hyperparameters"
        + " x fold x training size x repeat, trained inside Spark tasks.", "Results in lake.results.metrics,"
        + " lake.results.predictions and lake.results.selected, the run in lake.ops.runs (written last)."})
final class TrainCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--experiment", required = true, paramLabel = "NAME", description = "The experiment to run.")
  String experiment;

  @Option(names = "--dry-run", description = "Print the number of work units, the data sizes and an estimate of the"
      + " time, train nothing.")
  boolean dryRun;

  @Option(names = "--resume", paramLabel = "RUN_ID", description = "Finish an interrupted run: keep the units it"
      + " committed, train the rest.")
  String resume;

  @Override
  public Integer call() {
    Settings settings = common.settings();
    ExperimentChecks.verify(settings, List.of(experiment)); // a malformed experiment fails before Spark starts
    // a dry run reads: it refuses a missing lake rather than create one
    try (PipelineSession session = dryRun ? PipelineSession.reading(settings, "train --dry-run")
        : new PipelineSession(settings, "train")) {
      TrainStage train = new TrainStage(session, new StagePrinter(System.out));
      if (dryRun) {
        train.plan(experiment);
      } else if (resume != null) {
        train.resume(experiment, resume);
      } else {
        train.train(experiment, null);
      }
      return 0;
    }
  }
}
