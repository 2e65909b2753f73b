package org.transferlake.jobs;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoStatement;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.transferlake.config.SettingsException;
import org.transferlake.pipeline.PipelineSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import scala.jdk.javaapi.CollectionConverters;

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

  @Option(names = "--format", defaultValue = "table",
      description = "table, csv, json (JSON lines) or parquet (needs --out). Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--out", paramLabel = "PATH", description = "Write every row to PATH instead of printing at most"
      + " transferlake.sql.max-rows: a file for csv and json, a directory for parquet. An existing PATH is refused.")
  File out;

  @Override
  public Integer call() {
    String verb = firstWord(statement);
    if (!write && !READ_ONLY.contains(verb)) {
      throw refusal("'" + verb + "' statements change the lake");
    }
    if (!Set.of("table", "csv", "json", "parquet").contains(format)) {
      throw new SettingsException("sql --format " + format + ": expected table, csv, json or parquet");
    }
    if (out == null && format.equals("parquet")) {
      throw new SettingsException("sql --format parquet: needs --out DIR");
    }
    if (out != null && format.equals("table")) {
      throw new SettingsException("sql --out " + out + ": needs --format csv, json or parquet");
    }
    if (out != null && out.exists()) {
      throw new SettingsException("sql --out " + out + ": already exists; choose a new path");
    }
    try (PipelineSession session = new PipelineSession(common.settings(), "sql")) {
      if (write) {
        session.lockForWriting();
      } else if (writesInside(parse(session.spark(), statement))) {
        throw refusal("the statement writes (an INSERT after its WITH clause)");
      }
      Dataset<Row> result = session.spark().sql(statement);
      if (out != null) {
        long rows = write(result);
        System.out.println("wrote " + rows + " rows to " + out.getAbsolutePath());
        return 0;
      }
      int max = session.settings().sqlMaxRows();
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

  /** Every row into {@link #out}; streamed through the driver for csv and json, written by the tasks for parquet. */
  private long write(Dataset<Row> result) {
    if (format.equals("parquet")) {
      result.write().parquet(out.getAbsolutePath());
      return result.sparkSession().read().parquet(out.getAbsolutePath()).count();
    }
    long rows = 0;
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.toPath(), StandardCharsets.UTF_8))) {
      if (format.equals("csv")) {
        w.println(String.join(",", result.columns()));
      }
      Iterator<String> lines = format.equals("csv") ? result.map((MapFunction<Row, String>) SqlCommand::csvLine,
          Encoders.STRING()).toLocalIterator() : result.toJSON().toLocalIterator();
      while (lines.hasNext()) {
        w.println(lines.next());
        rows++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("sql --out " + out, e);
    }
    return rows;
  }

  private static SettingsException refusal(String why) {
    return new SettingsException("sql: " + why + "; add --write to allow statements that change the lake"
        + " (read-only statements: " + String.join(", ", new TreeSet<>(READ_ONLY)) + ")");
  }

  /** The statement's plan as parsed; a syntax error is the user's, shown as such. */
  private static LogicalPlan parse(SparkSession spark, String statement) {
    try {
      return spark.sessionState().sqlParser().parsePlan(statement);
    } catch (ParseException e) {
      throw new SettingsException("sql: " + e.getMessage());
    }
  }

  /** True when any node of the parsed plan inserts: {@code WITH t AS (...) INSERT INTO ...} starts with WITH. */
  private static boolean writesInside(LogicalPlan plan) {
    if (plan instanceof InsertIntoStatement) {
      return true;
    }
    for (LogicalPlan child : CollectionConverters.asJava(plan.children())) {
      if (writesInside(child)) {
        return true;
      }
    }
    return false;
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
