package org.transferlake.jobs;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.transferlake.config.SettingsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code transferlake sql}: any read-only SQL over the lake. */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {"Run one SQL statement against the lake and print the result.",
        "Tables are named <catalog>.<namespace>.<table>, e.g. lake.curated.observations.",
        "Read-only unless --write is given."})
final class SqlCommand implements Callable<Integer> {
  private static final Set<String> READ_ONLY = Set.of("SELECT", "WITH", "SHOW", "DESCRIBE", "DESC", "EXPLAIN",
      "VALUES", "TABLE");

  @Mixin
  CommonOptions common;

  @Parameters(paramLabel = "STATEMENT", description = "The SQL statement (quote it).")
  String statement;

  @Option(names = "--write", description = "Allow statements that change the lake (INSERT, DELETE, DROP, ...).")
  boolean write;

  @Option(names = "--format", defaultValue = "table", description = "table, csv or json. Default: ${DEFAULT-VALUE}.")
  String format;

  @Override
  public Integer call() {
    String verb = firstWord(statement);
    if (!write && !READ_ONLY.contains(verb)) {
      throw new SettingsException("sql: '" + verb + "' statements change the lake; add --write to allow them"
          + " (read-only statements: " + String.join(", ", READ_ONLY) + ")");
    }
    if (!Set.of("table", "csv", "json").contains(format)) {
      throw new SettingsException("sql --format " + format + ": expected table, csv or json");
    }
    try (JobContext job = new JobContext(common.settings(), "sql")) {
      Dataset<Row> result = job.spark.sql(statement);
      int max = job.settings.sqlMaxRows();
      switch (format) {
        case "csv" -> {
          System.out.println(String.join(",", result.columns()));
          result.limit(max).collectAsList().forEach(r -> System.out.println(csvLine(r)));
        }
        case "json" -> result.limit(max).toJSON().collectAsList().forEach(System.out::println);
        default -> result.show(max, false);
      }
      return 0;
    }
  }

  private static String firstWord(String sql) {
    String s = sql.strip().replaceFirst("^\\(+", "");
    int end = 0;
    while (end < s.length() && Character.isLetter(s.charAt(end))) {
      end++;
    }
    return s.substring(0, end).toUpperCase(Locale.ROOT);
  }

  private static String csvLine(Row row) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < row.length(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      Object v = row.get(i);
      String s = v == null ? "" : v.toString();
      sb.append(s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s);
    }
    return sb.toString();
  }
}
