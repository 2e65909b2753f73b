package org.transferlake.jobs;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.transferlake.featurize.FeaturizeJob;
import org.transferlake.featurize.FeaturizeOutcome;
import org.transferlake.lake.RunIds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code transferlake featurize}: composition features of every key in the lake, into lake.features.*. */
@Command(name = "featurize", mixinStandardHelpOptions = true,
    description = {"Compute features once per distinct composition key of lake.curated.observations into",
        "lake.features.<preset>. Only keys the table lacks are featurized; a changed featurizer version or",
        "element table (its sha256 in lake.curated.sources) recomputes the whole table in one commit.",
        "Exit code 1 when a preset failed."})
final class FeaturizeCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--preset", paramLabel = "NAME", split = ",",
      description = "Presets: magpie, magpie_no_imputation, fractions (default: transferlake.featurize.presets).")
  List<String> presets = List.of();

  @Override
  public Integer call() {
    if (!presets.isEmpty()) {
      common.overrides.put("transferlake.featurize.presets", "[" + String.join(",", presets) + "]");
    }
    try (JobContext job = new JobContext(common.settings(), "featurize").lockForWriting()) {
      return featurize(job, System.out) ? 0 : 1;
    }
  }

  /** Featurizes every configured preset and prints a summary; false when a preset failed. */
  static boolean featurize(JobContext job, PrintStream out) {
    String runId = RunIds.choose(job.settings.runId());
    out.println("featurize run " + runId);
    FeaturizeJob featurize = FeaturizeJob.fromSettings(job.lake, job.settings, out::println);
    List<FeaturizeOutcome> outcomes = new ArrayList<>();
    boolean ok = true;
    for (String preset : job.settings.featurizePresets()) {
      try {
        outcomes.add(featurize.run(runId, preset));
      } catch (IllegalStateException e) { // a missing element table: the other presets can still run
        out.println("FAILED " + preset + ": " + e.getMessage());
        ok = false;
      }
    }
    print(outcomes, out);
    return ok;
  }

  static void print(List<FeaturizeOutcome> outcomes, PrintStream out) {
    TextTable table = new TextTable("preset", "mode", "written", "table_rows", "with_missing", "seconds", "reason");
    for (FeaturizeOutcome o : outcomes) {
      table.add(o.preset(), o.mode(), o.rowsWritten(), o.tableRows(), o.tableRowsWithMissing(), o.seconds(),
          o.reason());
    }
    table.print(out);
    for (FeaturizeOutcome o : outcomes) {
      String affected = String.format(Locale.ROOT, "%s: %,d of %,d compositions (%,d of the %,d written now)",
          o.table(), o.tableRowsWithMissing(), o.tableRows(), o.rowsWrittenWithMissing(), o.rowsWritten());
      if (o.preset().equals("magpie")) {
        out.println(affected + " have an element that lacks a Magpie property; its value is the property's mean");
      } else if (o.preset().equals("magpie_no_imputation")) {
        out.println(affected + " have NaN features: an element lacks a Magpie property");
      }
    }
  }
}
