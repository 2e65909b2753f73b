package org.transferlake.jobs;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code transferlake run}: the whole pipeline, as far as it exists. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the pipeline end to end on the configured lake: ingest every source, featurize the new",
        "composition keys, then train the experiments of transferlake.run.experiments.",
        "Exit code 1 when a stage failed."})
final class RunCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    try (JobContext job = new JobContext(common.settings(), "run").lockForWriting()) {
      System.out.println("== ingest");
      boolean ingested = IngestCommand.ingest(job, System.out);
      System.out.println("== featurize");
      if (!ingested) {
        // a failed source keeps its previous rows, so the lake is consistent and its keys can be featurized
        System.out.println("ingest had failures (above); featurizing the lake as it stands, exit code 1");
      }
      boolean featurized = FeaturizeCommand.featurize(job, System.out);
      for (String experiment : job.settings.runExperiments()) {
        System.out.println("== train " + experiment);
        TrainCommand.train(job, experiment, false, null, null, System.out);
      }
      return ingested && featurized ? 0 : 1;
    }
  }
}
