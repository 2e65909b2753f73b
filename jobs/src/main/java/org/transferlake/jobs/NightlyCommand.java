package org.transferlake.jobs;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.transferlake.lake.LakeLocation;
import org.transferlake.lake.LakeTable;
import org.transferlake.ops.Maintenance;
import org.transferlake.ops.Retention;
import org.transferlake.ops.RunComparisons;
import org.transferlake.ops.RunComparisons.Comparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code transferlake nightly}: the scheduled run, with comparisons against the previous run and housekeeping. */
@Command(name = "nightly", mixinStandardHelpOptions = true,
    description = {"Under a lock on the lake: ingest new or changed sources, featurize new compositions, retrain",
        "transferlake.run.experiments as run nightly-<date>-<experiment> (a re-run of a date replaces it), compare",
        "every metric with the experiment's previous published run into lake.ops.run_comparisons, delete old",
        "nightly runs, expire old snapshots and compact. Exit code 1 when a stage failed, 3 when another run holds",
        "the lock, 4 when a metric of transferlake.nightly.alert-on got worse beyond its threshold (ALERT lines)."})
final class NightlyCommand implements Callable<Integer> {
  static final int ALERT = 4;

  @Mixin
  CommonOptions common;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The run's date (default: today, UTC).")
  LocalDate date;

  @Override
  public Integer call() throws IOException {
    LocalDate day = date != null ? date : LocalDate.now(ZoneOffset.UTC);
    try (JobContext job = new JobContext(common.settings(), "nightly")) {
      job.lockForWriting();
      return nightly(job, day, LakeLocation.of(job.settings.lakeRoot()), System.out);
    }
  }

  private static int nightly(JobContext job, LocalDate day, LakeLocation location, PrintStream out)
      throws IOException {
    out.println("== ingest");
    boolean ok = IngestCommand.ingest(job, out);
    out.println("== featurize");
    ok &= FeaturizeCommand.featurize(job, out);
    RunComparisons comparisons = new RunComparisons(job.lake, job.settings.nightlyThresholds());
    List<Comparison> all = new ArrayList<>();
    for (String experiment : job.settings.runExperiments()) {
      String runId = "nightly-" + day + "-" + experiment;
      out.println("== train " + experiment + " as " + runId);
      TrainCommand.train(job, experiment, false, null, runId, out);
      String previous = comparisons.previousRun(runId, experiment);
      if (previous == null) {
        out.println("no earlier published run of " + experiment + " to compare with");
      } else {
        all.addAll(comparisons.compare(runId, previous, experiment));
      }
    }
    List<Comparison> alerts = print(all, job.settings.nightlyAlertOn(), job.lake.name(LakeTable.RUN_COMPARISONS), out);
    housekeeping(job, location, out);
    alerts.forEach(c -> out.printf("ALERT %s: %s %s/%s %s %.4f -> %.4f (%+.4f, threshold %.4f) against %s%n",
        c.runId(), c.experiment(), c.architecture(), c.learner(), c.metric(), c.previous(), c.current(), c.change(),
        c.threshold(), c.previousRunId()));
    return !alerts.isEmpty() ? ALERT : ok ? 0 : 1;
  }

  /** Prints the comparisons; returns those that raise an alert. */
  private static List<Comparison> print(List<Comparison> all, List<String> alertOn, String table, PrintStream out) {
    if (all.isEmpty()) {
      return List.of();
    }
    out.println("== compared with the previous run (" + table + ")");
    TextTable t = new TextTable("experiment", "architecture", "learner", "metric", "previous", "current", "change",
        "verdict");
    List<Comparison> sorted = all.stream().sorted(Comparator.comparing(Comparison::experiment)
        .thenComparing(Comparison::architecture).thenComparing(Comparison::learner)
        .thenComparing(Comparison::metric)).toList();
    sorted.forEach(c -> t.add(c.experiment(), c.architecture(), c.learner(), c.metric(),
        String.format("%.4f", c.previous()), String.format("%.4f", c.current()), String.format("%+.4f", c.change()),
        c.verdict()));
    t.print(out);
    return sorted.stream().filter(c -> c.worse() && alertOn.contains(c.metric())).toList();
  }

  private static void housekeeping(JobContext job, LakeLocation location, PrintStream out) throws IOException {
    Instant now = Instant.now();
    if (job.settings.nightlyRetention()) {
      Retention retention = new Retention(job.lake, location.artifacts(), job.settings.nightlyKeepAge(),
          job.settings.nightlyKeepLast());
      for (String experiment : job.settings.runExperiments()) {
        List<String> deleted = retention.apply(experiment, now);
        out.println("retention " + experiment + ": " + (deleted.isEmpty() ? "nothing to delete"
            : "deleted runs " + String.join(", ", deleted)));
      }
    }
    List<Maintenance.Outcome> done = new Maintenance(job.lake).run(job.settings.nightlyExpireAfter(),
        job.settings.nightlyRetainSnapshots(), job.settings.nightlyCompact(), now);
    long expired = done.stream().mapToLong(Maintenance.Outcome::expiredDataFiles).sum();
    long rewritten = done.stream().mapToLong(Maintenance.Outcome::rewrittenFiles).sum();
    long added = done.stream().mapToLong(Maintenance.Outcome::addedFiles).sum();
    out.printf("maintenance: %d tables, %d data files of expired snapshots deleted, %d files compacted into %d%n",
        done.size(), expired, rewritten, added);
  }
}
