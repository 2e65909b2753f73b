package org.transferlake.jobs;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.spark.SparkThrowable;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoStatement;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.StructField;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Runs SQL statements in one Spark session and prints their answers as a table, CSV or JSON lines, every value
 * escaped by {@link SafeText}. Statements that change the lake are refused unless writing was allowed.
 */
final class SqlRunner {
  static final Set<String> READ_ONLY = Set.of("SELECT", "WITH", "SHOW", "DESCRIBE", "DESC", "EXPLAIN", "VALUES",
      "TABLE");

  /** A statement Spark or the read-only rule refused, with a one-line message (no stack trace). */
  static final class StatementException extends RuntimeException {
    StatementException(String message) {
      super(message);
    }

    /** The message of the deepest Spark error in the chain, first line only (Spark appends the plan). */
    static StatementException of(Throwable e) {
      Throwable pick = e;
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SparkThrowable) {
          pick = t;
        }
      }
      String message = pick.getMessage() == null ? pick.getClass().getSimpleName() : pick.getMessage();
      String first = message.strip().lines().findFirst().orElse("").strip();
      return new StatementException(first.endsWith(";") ? first.substring(0, first.length() - 1) : first);
    }
  }

  /** What one statement printed: rows and seconds, and whether there were more rows than were printed. */
  record Answer(long rows, boolean more, double seconds) {}

  /** RFC 4180 as commons-csv writes it (quoted where needed, quotes doubled), with Unix line ends. */
  private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

  private final SparkSession spark;
  private final boolean write;
  private final String format;
  private final int maxRows;
  private final PrintStream out;
  private Thread warmUp;

  SqlRunner(SparkSession spark, boolean write, String format, int maxRows, PrintStream out) {
    this.spark = spark;
    this.write = write;
    this.format = format;
    this.maxRows = maxRows;
    this.out = out;
  }

  /**
   * Starts warming Spark up in the background: an aggregate with a shuffle over a small range and one row of
   * {@code table}, so that the shell's first real answers do not pay for compiling Spark's code paths (about 2 s
   * on the 2-core machine; bench/sql/run.sh). Statements wait for it to end; it reads one row, whatever the lake's
   * size. A failure here is left for the statements themselves to meet.
   */
  void warmUp(String table) {
    warmUp = new Thread(() -> {
      try {
        spark.sql("SELECT k, count(*), avg(v) FROM (SELECT string(id % 3) AS k, double(id) AS v FROM range(1000))"
            + " GROUP BY k ORDER BY k").collectAsList();
        spark.table(table).limit(1).collectAsList();
      } catch (Exception e) { // Spark throws AnalysisException (checked) undeclared
        // the statements report what is wrong
      }
    }, "sql-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
  }

  private void awaitWarmUp() {
    if (warmUp == null) {
      return;
    }
    try {
      warmUp.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    warmUp = null;
  }

  /** The statement's answer, run after the read-only check; a syntax error is reported before that check. */
  Dataset<Row> query(String statement) {
    awaitWarmUp();
    try {
      LogicalPlan plan = spark.sessionState().sqlParser().parsePlan(statement);
      String verb = firstWord(statement);
      if (!write && !READ_ONLY.contains(verb)) {
        throw refusal("'" + verb + "' statements change the lake");
      }
      if (!write && writesInside(plan)) {
        throw refusal("the statement writes (an INSERT after its WITH clause)");
      }
      return spark.sql(statement);
    } catch (StatementException e) {
      throw e;
    } catch (Exception e) { // Spark throws AnalysisException (checked) undeclared
      throw StatementException.of(e);
    }
  }

  /** Runs one statement and prints at most {@code maxRows} rows of its answer. */
  Answer run(String statement) {
    long start = System.nanoTime();
    Dataset<Row> result = query(statement);
    try {
      if (format.equals("json")) {
        List<String> lines = result.toJSON().limit(maxRows + 1).collectAsList();
        lines.stream().limit(maxRows).forEach(l -> out.println(SafeText.value(l)));
        return new Answer(Math.min(lines.size(), maxRows), lines.size() > maxRows, seconds(start));
      }
      List<Row> rows = asStrings(result, format.equals("csv")).limit(maxRows + 1).collectAsList();
      List<Row> shown = rows.subList(0, Math.min(rows.size(), maxRows));
      if (format.equals("csv")) {
        printCsv(result.columns(), shown);
      } else {
        printTable(result, shown);
      }
      return new Answer(shown.size(), rows.size() > maxRows, seconds(start));
    } catch (Exception e) { // Spark throws AnalysisException (checked) undeclared
      throw StatementException.of(e);
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /**
   * Every row of the statement's answer into {@code file}, values as they are (not escaped): CSV with a header
   * or JSON lines streamed through the driver, or a Parquet directory written by the tasks; returns the rows.
   */
  long write(String statement, File file, String fileFormat) {
    Dataset<Row> result = query(statement);
    try {
      if (fileFormat.equals("parquet")) {
        result.write().parquet(file.getAbsolutePath());
        return spark.read().parquet(file.getAbsolutePath()).count();
      }
      long rows = 0;
      try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file.toPath(), StandardCharsets.UTF_8))) {
        Iterator<String> lines;
        if (fileFormat.equals("csv")) {
          w.print(csvLine((Object[]) result.columns()));
          lines = asStrings(result, true).map((MapFunction<Row, String>) r -> csvLine(cells(r, false)),
              Encoders.STRING()).toLocalIterator();
        } else {
          lines = result.toJSON().map((MapFunction<String, String>) l -> l + "\n", Encoders.STRING())
              .toLocalIterator();
        }
        while (lines.hasNext()) {
          w.print(lines.next());
          rows++;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("sql --out " + file, e);
      }
      return rows;
    } catch (UncheckedIOException e) {
      throw e;
    } catch (Exception e) { // Spark throws AnalysisException (checked) undeclared
      throw StatementException.of(e);
    }
  }

  /** One CSV record ending with its line feed, as commons-csv writes RFC 4180 (quoted where needed); null is empty. */
  private static String csvLine(Object... values) {
    StringBuilder line = new StringBuilder();
    try {
      CSV.printRecord(line, values);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not fail
    }
    return line.toString();
  }

  /** A row of strings (see {@link #asStrings}), nulls kept, escaped for printing or not. */
  private static Object[] cells(Row row, boolean escaped) {
    Object[] cells = new Object[row.length()];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = row.isNullAt(i) ? null : escaped ? SafeText.value(row.getString(i)) : row.getString(i);
    }
    return cells;
  }

  /**
   * Every column as a string, by position (names may repeat), nulls kept: as Spark casts it (arrays as [a, b]) for
   * the table, or for CSV with arrays, maps and structs as JSON, which a CSV reader can parse back.
   */
  private static Dataset<Row> asStrings(Dataset<Row> result, boolean nestedAsJson) {
    StructField[] fields = result.schema().fields();
    String[] positional = new String[fields.length];
    Column[] casts = new Column[fields.length];
    for (int i = 0; i < fields.length; i++) {
      positional[i] = "c" + i;
      Column c = new Column("c" + i);
      DataType type = fields[i].dataType();
      boolean nested = type instanceof ArrayType || type instanceof MapType || type instanceof StructType;
      casts[i] = nestedAsJson && nested ? functions.to_json(c) : c.cast("string");
    }
    return result.toDF(positional).select(casts);
  }

  private void printCsv(String[] columns, List<Row> rows) {
    out.print(csvLine(Arrays.stream(columns).map(SafeText::value).toArray()));
    for (Row row : rows) {
      out.print(csvLine(cells(row, true)));
    }
  }

  /** A grid as Spark's {@code show} draws it, nulls as NULL, numbers right-aligned. */
  private void printTable(Dataset<Row> result, List<Row> rows) {
    String[] columns = result.columns();
    StructField[] fields = result.schema().fields();
    List<String[]> cells = new ArrayList<>();
    String[] header = new String[columns.length];
    for (int i = 0; i < columns.length; i++) {
      header[i] = SafeText.value(columns[i]);
    }
    cells.add(header);
    for (Row row : rows) {
      String[] line = new String[columns.length];
      for (int i = 0; i < columns.length; i++) {
        line[i] = row.isNullAt(i) ? "NULL" : SafeText.value(row.getString(i));
      }
      cells.add(line);
    }
    int[] widths = new int[columns.length];
    for (String[] line : cells) {
      for (int i = 0; i < line.length; i++) {
        widths[i] = Math.max(widths[i], line[i].codePointCount(0, line[i].length()));
      }
    }
    StringBuilder border = new StringBuilder("+");
    for (int w : widths) {
      border.append("-".repeat(w + 2)).append('+');
    }
    out.println(border);
    for (int r = 0; r < cells.size(); r++) {
      StringBuilder sb = new StringBuilder("|");
      for (int i = 0; i < widths.length; i++) {
        String c = cells.get(r)[i];
        String pad = " ".repeat(widths[i] - c.codePointCount(0, c.length()));
        boolean right = r > 0 && fields[i].dataType() instanceof NumericType;
        sb.append(' ').append(right ? pad + c : c + pad).append(" |");
      }
      out.println(sb);
      if (r == 0) {
        out.println(border);
      }
    }
    out.println(border);
  }

  static StatementException refusal(String why) {
    return new StatementException(why + "; add --write to allow statements that change the lake"
        + " (read-only statements: " + String.join(", ", new TreeSet<>(READ_ONLY)) + ")");
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
}
