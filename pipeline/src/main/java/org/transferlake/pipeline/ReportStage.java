package org.transferlake.pipeline;

import java.nio.file.Path;
import java.util.List;
import org.transferlake.config.Settings;
import org.transferlake.lake.LakeTable;
import org.transferlake.report.PublishedRun;
import org.transferlake.report.ReportJob;
import org.transferlake.report.ReportOptions;

/** The report: an HTML page, a Markdown summary and charts of published train runs. */
public final class ReportStage {
  private final ReportOptions options;

  /** Reads the report's settings (transferlake.report.*): a bad file stops here, before Spark starts. */
  public ReportStage(Settings settings) {
    this.options = ReportOptions.from(settings);
  }

  /**
   * The published runs to report: those named, else the latest of each experiment named, else of every one.
   *
   * @param runIds runs to report; empty for the latest
   * @param experiments experiments to report; empty for all
   */
  public List<PublishedRun> runs(PipelineSession session, List<String> runIds, List<String> experiments) {
    return new ReportJob(session.lake(), options).runs(runIds, experiments);
  }

  /** The table of published runs. */
  public String runsTable(PipelineSession session) {
    return session.lake().name(LakeTable.RUNS);
  }

  /** Writes the report of {@code runs} into {@code dir}; returns the files written. */
  public List<Path> write(PipelineSession session, List<PublishedRun> runs, Path dir) {
    return new ReportJob(session.lake(), options).write(runs, dir);
  }
}
