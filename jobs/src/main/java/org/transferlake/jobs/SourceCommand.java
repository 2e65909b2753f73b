package org.transferlake.jobs;

import java.io.File;
import java.util.concurrent.Callable;
import org.transferlake.ingest.catalog.ColumnMapping;
import org.transferlake.ingest.catalog.SourceScaffold;
import org.transferlake.pipeline.Scaffolds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code transferlake source add}: a workspace source definition written from a data file's header. */
@Command(name = "source", mixinStandardHelpOptions = true, subcommands = SourceCommand.Add.class,
    description = "Your own sources, in the workspace's sources/ directory.")
final class SourceCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out); // as --help prints it
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = {"Write <workspace>/sources/<id>.conf for one CSV, JSON-lines or Parquet file, from its header"
          + " alone (no Spark).", "The formula, record id and value columns and the value's unit are each found by"
          + " their names unless given. Prints what it mapped and what it could not; edit the file freely."})
  static final class Add implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE", description = "The data file: .csv (UTF-8), .jsonl or .parquet.")
    File file;

    @Option(names = "--property", paramLabel = "P", required = true,
        description = "The property the values measure (transferlake.properties: band_gap, is_metal, color, ...).")
    String property;

    @Option(names = "--fidelity", paramLabel = "F", required = true,
        description = "How they were measured or computed, lower snake case (experiment, pbe, lab, ...).")
    String fidelity;

    @Option(names = "--id", paramLabel = "ID", description = "The source id (default: the file's name, lower snake"
        + " case).")
    String id;

    @Option(names = "--unit", paramLabel = "U",
        description = "The values' unit (default: from the value column's name, else the property's own).")
    String unit;

    @Option(names = "--formula-column", paramLabel = "C", description = "The column holding the formulas.")
    String formulaColumn;

    @Option(names = "--value-column", paramLabel = "C", description = "The column holding the values.")
    String valueColumn;

    @Override
    public Integer call() {
      SourceScaffold.Result r = Scaffolds.source(common.settings(), new SourceScaffold.Request(file, property,
          fidelity, id, unit, formulaColumn, valueColumn));
      ColumnMapping c = r.columns();
      // names and classes come from the file's header and values: printed through SafeText
      System.out.println(SafeText.value("wrote " + r.definition() + " (source " + r.id() + ", " + r.format()
          + ", files = [\"" + r.file() + "\"])"));
      System.out.printf("  formula  %-24s (%s)%n", quoted(c.formulaColumn()), c.formulaFrom());
      if (c.idColumn() == null) {
        System.out.println("  id       none found (record ids are optional)");
      } else {
        System.out.printf("  id       %-24s (its name)%n", quoted(c.idColumn()));
      }
      System.out.printf("  value    %-24s (%s) as %s%n", quoted(c.valueColumn()), c.valueFrom(),
          SafeText.value(property + "/" + fidelity + "/" + r.id()));
      if (c.unit() != null) {
        System.out.printf("  unit     %-24s (%s)%n", SafeText.value(c.unit()), c.unitFrom());
      }
      if (!c.classes().isEmpty()) {
        System.out.println(SafeText.value("not mapped: the raw values of '" + c.valueColumn() + "' to " + property
            + "'s classes " + String.join(", ", c.classes()) + ": write them into labels in " + r.definition()));
      }
      if (!c.unmapped().isEmpty()) {
        System.out.println("not mapped: " + String.join(", ", c.unmapped().stream().map(Add::quoted).toList())
            + " (by hand, as record.conditions or further values)");
      }
      System.out.println("next: bin/transferlake ingest --source " + SafeText.value(r.id()));
      return 0;
    }

    private static String quoted(String name) {
      return "'" + SafeText.value(name) + "'";
    }
  }
}
