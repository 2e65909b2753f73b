package org.transferlake.jobs;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.transferlake.config.Settings;
import org.transferlake.pipeline.ExperimentChecks;
import org.transferlake.pipeline.NightlyResult;
import org.transferlake.pipeline.NightlyRun;
import org.transferlake.pipeline.PipelineSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code transferlake nightly}: the scheduled run, with comparisons against the previous run and housekeeping. */
@Command(name = "nightly", mixinStandardHelpOptions = true,
    description = {"The scheduled run, with comparisons against the previous run and housekeeping.", "Under a lock"
        + " on the lake: ingest new or changed sources, featurize new compositions, retrain"
        + " transferlake.run.experiments as run nightly-<date>-<experiment> (a re-run of a date replaces it), compare"
        + " every metric with the experiment's previous published run into lake.ops.run_comparisons, delete old"
        + " nightly runs, expire old snapshots and compact.", "Exit code 1 when a stage failed, 3 when another run"
        + " holds the lock, 4 when a metric of transferlake.nightly.alert-on got worse beyond its threshold (ALERT"
        + " lines)."})
final class NightlyCommand implements Callable<Integer> {
  static final int ALERT = 4;

  @Mixin
  CommonOptions common;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The run's date (default: today, UTC).")
  LocalDate date;

  @Override
  public Integer call() throws IOException {
    LocalDate day = date != null ? date : LocalDate.now(ZoneOffset.UTC);
    Settings settings = common.settings();
    ExperimentChecks.verify(settings, settings.runExperiments()); // before Spark starts, not after ingest
    try (PipelineSession session = new PipelineSession(settings, "nightly")) {
      NightlyResult result = new NightlyRun(session, new StagePrinter(System.out)).run(day);
      result.alerts().forEach(c -> System.out.println(SafeText.value(String.format("ALERT %s: %s %s/%s %s %.4f ->"
          + " %.4f (%+.4f, threshold %.4f) against %s", c.runId(), c.experiment(), c.architecture(), c.learner(),
          c.metric(), c.previous(), c.current(), c.change(), c.threshold(), c.previousRunId()))));
      return !result.alerts().isEmpty() ? ALERT : result.ok() ? 0 : 1;
    }
  }
}
