package org.transferlake.jobs;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.transferlake.train.data.ExperimentData;
import org.transferlake.train.experiment.ExperimentDefinition;
import org.transferlake.train.Experiments;
import org.transferlake.train.TrainJob;
import org.transferlake.train.units.UnitScore;
import org.transferlake.lake.RunIds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code transferlake train}: an experiment's work units, trained in Spark tasks, into lake.results.*. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Run an experiment (conf/experiments/NAME.conf): every architecture x learner x hyperparameters",
        "x fold x training size x repeat, trained inside Spark tasks; results in lake.results.metrics,",
        "lake.results.predictions and lake.results.selected, the run in lake.ops.runs (written last)."})
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
    try (JobContext job = new JobContext(common.settings(), "train")) {
      if (!dryRun) {
        job.lockForWriting();
      }
      train(job, experiment, dryRun, resume, null, System.out);
      return 0;
    }
  }

  /**
   * @param resume the run id of an interrupted run to finish, or null for a new run
   * @param runId the new run's id (a re-run replaces its rows), or null for transferlake.run.id or a fresh one
   */
  static void train(JobContext job, String name, boolean dryRun, String resume, String runId, PrintStream out) {
    Experiments experiments = new Experiments(job.lake, job.settings);
    ExperimentDefinition e = experiments.definition(name);
    ExperimentData data = experiments.data(e);
    TrainJob.Plan plan = experiments.plan(e, data);
    out.printf("experiment %s: target %s (%d records, %d folds), sources %s%n", e.name(), e.target(),
        plan.targetRows(), plan.folds(), describeSources(e, plan));
    out.printf("work units: %d = %d architectures x grid %s x %d folds x %d sizes x %d repeats%n", plan.units(),
        e.architectures().size(), plan.gridSizes(), plan.folds(), e.learningCurve().size(), e.repeats());
    int cores = job.spark.sparkContext().defaultParallelism();
    out.printf("estimated time: %s on %d cores (%.0f core-seconds at this development machine's speed, final models"
        + " included; source models and Spark start-up not included)%n", duration(plan.coreSeconds()
        / Math.min(cores, plan.units())), cores, plan.coreSeconds());
    if (dryRun) {
      return;
    }
    if (resume != null) {
      runId = RunIds.choose(resume); // checked like transferlake.run.id: it names files under the lake root
    } else if (runId == null) {
      runId = RunIds.choose(job.settings.runId());
    }
    TrainJob.Outcome outcome = experiments.train(e, data, runId, resume != null);
    out.printf("run %s: %d units trained%s; mean test score per architecture and learner (all sizes and"
        + " hyperparameters)%n", runId, outcome.trained(),
        outcome.resumed() > 0 ? ", " + outcome.resumed() + " kept from the interrupted run" : "");
    Map<String, double[]> byArchitecture = new TreeMap<>();
    boolean classification = data.label().isClassification();
    for (UnitScore r : outcome.scores()) {
      String key = r.unit().architecture() + " / " + r.unit().learner();
      double[] sum = byArchitecture.computeIfAbsent(key, k -> new double[2]);
      sum[0] += r.metrics().get(classification ? "accuracy" : "mae");
      sum[1]++;
    }
    TextTable table = new TextTable("architecture / learner", classification ? "accuracy" : "mae", "units");
    byArchitecture.forEach((k, v) -> table.add(k, v[0] / v[1], (long) v[1]));
    table.print(out);
  }

  private static String duration(double seconds) {
    long s = Math.round(seconds);
    return s < 60 ? s + " s" : s < 3600 ? String.format("%d min %02d s", s / 60, s % 60)
        : String.format("%d h %02d min", s / 3600, (s % 3600) / 60);
  }

  private static String describeSources(ExperimentDefinition e, TrainJob.Plan plan) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < e.sources().size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(e.sources().get(i).context()).append(" (")
          .append(plan.sourceRows().get(i)).append(" compositions, ").append(e.sources().get(i).aggregate()
              .name().toLowerCase()).append(')');
    }
    return sb.length() == 0 ? "none" : sb.toString();
  }
}
