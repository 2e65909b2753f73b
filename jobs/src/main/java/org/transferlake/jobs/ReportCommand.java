package org.transferlake.jobs;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.transferlake.config.Settings;
import org.transferlake.pipeline.PipelineSession;
import org.transferlake.pipeline.ReportStage;
import org.transferlake.report.PublishedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code transferlake report}: an HTML page and a Markdown summary of published train runs. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Write report.html (self-contained: charts inline, no scripts), report.md and the PNG charts the"
        + " Markdown links to, from lake.results.* of published runs (a row in lake.ops.runs).",
        "Default: the latest published run of every experiment."})
final class ReportCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--run-id", paramLabel = "ID", description = "Report this published run; repeatable.")
  List<String> runIds = new ArrayList<>();

  @Option(names = "--experiment", paramLabel = "NAME",
      description = "Report only this experiment (its latest published run, or the --run-id ones); repeatable.")
  List<String> experiments = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "report",
      description = "Directory the report is written into. Default: ${DEFAULT-VALUE}.")
  File dir;

  @Override
  public Integer call() {
    Settings settings = common.settings();
    ReportStage report = new ReportStage(settings); // a bad published-figures file stops before Spark starts
    try (PipelineSession session = PipelineSession.reading(settings, "report")) {
      return report(session, report, System.out);
    }
  }

  private int report(PipelineSession session, ReportStage report, PrintStream out) {
    List<PublishedRun> runs = report.runs(session, runIds, experiments);
    if (runs.isEmpty()) {
      out.println("no published runs in " + SafeText.value(report.runsTable(session)) + ": nothing to report");
      return 1;
    }
    runs.forEach(r -> out.println(SafeText.value("run " + r.runId() + " (" + r.experiment() + ")")));
    for (Path p : report.write(session, runs, dir.toPath())) {
      out.println("wrote " + SafeText.value(p));
    }
    return 0;
  }
}
