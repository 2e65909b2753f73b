package org.transferlake.jobs;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.transferlake.featurize.FeaturizeOutcome;
import org.transferlake.ingest.SourceOutcome;
import org.transferlake.ops.RunComparisons.Comparison;
import org.transferlake.pipeline.Comparisons;
import org.transferlake.pipeline.FeaturizeResult.FailedPreset;
import org.transferlake.pipeline.FeaturizeResult;
import org.transferlake.pipeline.IngestResult;
import org.transferlake.pipeline.MaintenanceSummary;
import org.transferlake.pipeline.StageListener;
import org.transferlake.pipeline.TrainPlan;
import org.transferlake.pipeline.TrainResult;
import org.transferlake.train.RunEstimate;

/**
 * Prints each stage's outcome as soon as the stage ends, and a sequence's headings as its stages start. Names,
 * messages and examples can come from input files (a record, a formula, an experiment's name): they are printed
 * through {@link SafeText} (the tables through {@link TextTable}, which does it for every cell).
 */
final class StagePrinter implements StageListener {
  private final PrintStream out;
  private final boolean explainFailedIngest;

  StagePrinter(PrintStream out) {
    this(out, false);
  }

  /** @param explainFailedIngest say, before featurizing after a failed ingest, that the exit code will be 1 */
  StagePrinter(PrintStream out, boolean explainFailedIngest) {
    this.out = out;
    this.explainFailedIngest = explainFailedIngest;
  }

  @Override
  public void ingestStarting() {
    out.println("== ingest");
  }

  @Override
  public void ingested(IngestResult result) {
    out.println("ingest run " + SafeText.value(result.runId()));
    TextTable table = new TextTable("source", "status", "read", "accepted", "rejected", "observations",
        "values_rejected", "seconds");
    for (SourceOutcome o : result.sources()) {
      table.add(o.sourceId(), o.status(), o.recordsRead(), o.recordsAccepted(), o.recordsRejected(),
          o.observationsWritten(), o.valuesRejected(), o.seconds());
    }
    table.print(out);
    for (SourceOutcome o : result.sources()) {
      if (o.message() != null && o.failed()) {
        out.println("FAILED " + SafeText.value(o.sourceId()) + ": " + SafeText.message(o.message()));
      }
    }
    for (IngestResult.OutOfRange o : result.outOfRange()) {
      out.printf(Locale.ROOT, "TOO MANY OUT OF RANGE %s: %.0f%% of its records (%d of %d) refused as out of"
          + " range, e.g. '%s'. Check the unit its definition declares; to accept it: --set"
          + " transferlake.ingest.out-of-range-max-share=%.2f (exit code 1)%n", SafeText.value(o.sourceId()),
          100 * o.share(), o.refused(), o.read(), SafeText.value(o.example()),
          Math.min(1.0, Math.ceil(o.share() * 100) / 100));
    }
    if (!result.topRejections().isEmpty()) {
      out.println("top rejection reasons (all in " + SafeText.value(result.rejectsTable()) + "):");
      TextTable top = new TextTable("source", "reason_code", "count", "example");
      result.topRejections().forEach(r -> top.add(r.sourceId(), r.reasonCode(), r.count(), r.example()));
      top.print(out);
    }
  }

  @Override
  public void featurizeStarting(boolean ingestFailed) {
    out.println("== featurize");
    if (ingestFailed && explainFailedIngest) {
      out.println("ingest had failures (above); featurizing the lake as it stands, exit code 1");
    }
  }

  @Override
  public void featurizeRunStarted(String runId) {
    out.println("featurize run " + SafeText.value(runId));
  }

  @Override
  public void featurizeProgress(String line) {
    out.println(SafeText.message(line));
  }

  @Override
  public void presetFailed(FailedPreset failure) {
    out.println("FAILED " + SafeText.value(failure.preset()) + ": " + SafeText.message(failure.message()));
  }

  @Override
  public void featurized(FeaturizeResult result) {
    TextTable table = new TextTable("preset", "mode", "written", "table_rows", "with_missing", "seconds", "reason");
    for (FeaturizeOutcome o : result.outcomes()) {
      table.add(o.preset(), o.mode(), o.rowsWritten(), o.tableRows(), o.tableRowsWithMissing(), o.seconds(),
          o.reason());
    }
    table.print(out);
    for (FeaturizeOutcome o : result.outcomes()) {
      String affected = String.format(Locale.ROOT, "%s: %,d of %,d compositions (%,d of the %,d written now)",
          SafeText.value(o.table()), o.tableRowsWithMissing(), o.tableRows(), o.rowsWrittenWithMissing(),
          o.rowsWritten());
      if (o.preset().equals("magpie")) {
        out.println(affected + " have an element that lacks a Magpie property; its value is the property's mean");
      } else if (o.preset().equals("magpie_no_imputation")) {
        out.println(affected + " have NaN features: an element lacks a Magpie property");
      } else if (o.elementTableSha256() != null) {
        out.println(affected + " have an element that lacks a value of the " + SafeText.value(o.preset())
            + " element table; its value is the property's mean");
      }
    }
  }

  @Override
  public void trainStarting(String experiment, String runId) {
    out.println(SafeText.value("== train " + experiment + (runId != null ? " as " + runId : "")));
  }

  @Override
  public void planned(TrainPlan p) {
    out.printf("experiment %s: target %s (%d records, %d folds), sources %s%n", SafeText.value(p.experiment()),
        SafeText.value(p.target()), p.targetRows(), p.folds(), SafeText.value(describeSources(p)));
    if (p.folds() == 0) { // a campaign experiment: no folds, a unit per arm and repeat
      out.printf("work units: %d simulated campaigns (arm x repeat, %d repeats)%n", p.units(), p.repeats());
    } else if (p.rungUnits() > 0) { // successive halving: the survivors are known only once the rungs are scored
      out.printf("work units: %d = %d rung units of successive halving (inner folds, a share of the budget) + %d"
          + " trained in full; candidates per learner %s, %d folds%n", p.units(), p.rungUnits(),
          p.units() - p.rungUnits(), p.gridSizes(), p.folds());
    } else {
      out.printf("work units: %d = %d architectures x grid %s x %d folds x %d sizes x %d repeats%n", p.units(),
          p.architectures(), p.gridSizes(), p.folds(), p.sizes(), p.repeats());
    }
    RunEstimate t = p.estimate();
    out.printf("estimated time: %s on %d cores, fit costs %s%n", duration(t.seconds()), t.cores(),
        SafeText.message(t.costs()));
    out.printf("  start and data   %s%n  source models    %s%n  units            %s%n  final models     %s%n"
        + "  publishing       %s%n", duration(t.start()), duration(t.sources()), duration(t.units()),
        duration(t.finals()), duration(t.publishing()));
  }

  @Override
  public void trained(TrainResult result) {
    out.printf("run %s: %d units trained%s; mean test score per architecture and learner (all sizes and"
        + " hyperparameters)%n", SafeText.value(result.runId()), result.trained(),
        result.resumed() > 0 ? ", " + result.resumed() + " kept from the interrupted run" : "");
    if (result.means().isEmpty()) {
      out.println("no test scores: a campaign's rounds are in lake.results.campaign_rounds (the report tabulates"
          + " them)");
      return;
    }
    String metric = result.metric() + (result.unit() != null ? " (" + result.unit() + ")" : "");
    TextTable table = new TextTable("architecture / learner", metric, "units");
    result.means().forEach(m -> table.add(m.architecture() + " / " + m.learner(),
        String.format(Locale.ROOT, "%.3f", m.mean()), m.units()));
    table.print(out);
  }

  @Override
  public void noEarlierRun(String experiment) {
    out.println("no earlier published run of " + SafeText.value(experiment) + " to compare with");
  }

  @Override
  public void compared(Comparisons comparisons) {
    if (comparisons.all().isEmpty()) {
      return;
    }
    out.println("== compared with the previous run (" + SafeText.value(comparisons.table()) + ")");
    TextTable t = new TextTable("experiment", "architecture", "learner", "metric", "previous", "current", "change",
        "verdict");
    for (Comparison c : comparisons.all()) {
      t.add(c.experiment(), c.architecture(), c.learner(), c.metric(), String.format("%.4f", c.previous()),
          String.format("%.4f", c.current()), String.format("%+.4f", c.change()), c.verdict());
    }
    t.print(out);
  }

  @Override
  public void retained(String experiment, List<String> deletedRuns) {
    out.println(SafeText.value("retention " + experiment + ": " + (deletedRuns.isEmpty() ? "nothing to delete"
        : "deleted runs " + String.join(", ", deletedRuns))));
  }

  @Override
  public void maintained(MaintenanceSummary m) {
    out.printf("maintenance: %d tables, %d data files of expired snapshots deleted, %d files compacted into %d%n",
        m.tables(), m.expiredDataFiles(), m.rewrittenFiles(), m.addedFiles());
  }

  private static String duration(double seconds) {
    long s = Math.round(seconds);
    return s < 60 ? s + " s" : s < 3600 ? String.format("%d min %02d s", s / 60, s % 60)
        : String.format("%d h %02d min", s / 3600, (s % 3600) / 60);
  }

  private static String describeSources(TrainPlan p) {
    StringBuilder sb = new StringBuilder();
    for (TrainPlan.SourceSize s : p.sources()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(s.context()).append(" (").append(s.compositions())
          .append(" compositions, ").append(s.aggregate());
      if (!s.covered().isEmpty()) {
        sb.append("; target compositions by link: ").append(String.join(", ", s.covered().entrySet().stream()
            .map(c -> c.getKey() + " " + c.getValue()).toList()));
      }
      sb.append(')');
    }
    return sb.length() == 0 ? "none" : sb.toString();
  }
}
