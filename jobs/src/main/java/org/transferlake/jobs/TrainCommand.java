package org.transferlake.jobs;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.transferlake.experiment.ExperimentData;
import org.transferlake.experiment.ExperimentDefinition;
import org.transferlake.experiment.Experiments;
import org.transferlake.experiment.TrainJob;
import org.transferlake.experiment.UnitResult;
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

  @Option(names = "--dry-run", description = "Print the number of work units and the data sizes, train nothing.")
  boolean dryRun;

  @Override
  public Integer call() {
    try (JobContext job = new JobContext(common.settings(), "train")) {
      train(job, experiment, dryRun, System.out);
      return 0;
    }
  }

  static void train(JobContext job, String name, boolean dryRun, PrintStream out) {
    Experiments experiments = new Experiments(job.lake, job.settings);
    ExperimentDefinition e = experiments.definition(name);
    ExperimentData data = experiments.data(e);
    TrainJob.Plan plan = experiments.plan(e, data);
    out.printf("experiment %s: target %s (%d records, %d folds), sources %s%n", e.name(), e.target(),
        plan.targetRows(), plan.folds(), describeSources(e, plan));
    out.printf("work units: %d = %d architectures x grid %s x %d folds x %d sizes x %d repeats%n", plan.units(),
        e.architectures().size(), plan.gridSizes(), plan.folds(), e.learningCurve().size(), e.repeats());
    if (dryRun) {
      return;
    }
    String runId = RunIds.choose(job.settings.runId());
    List<UnitResult> results = experiments.train(e, data, runId);
    out.println("run " + runId + ": mean test score per architecture and learner (all sizes and hyperparameters)");
    Map<String, double[]> byArchitecture = new TreeMap<>();
    boolean classification = data.label().isClassification();
    for (UnitResult r : results) {
      String key = r.unit().architecture() + " / " + r.unit().learner();
      double[] sum = byArchitecture.computeIfAbsent(key, k -> new double[2]);
      sum[0] += r.metrics().get(classification ? "accuracy" : "mae");
      sum[1]++;
    }
    TextTable table = new TextTable("architecture / learner", classification ? "accuracy" : "mae", "units");
    byArchitecture.forEach((k, v) -> table.add(k, v[0] / v[1], (long) v[1]));
    table.print(out);
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
