package org.transferlake.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;
import org.transferlake.config.SettingsException;

/**
 * Where {@code predict} and {@code suggest} read formulas from and put scored rows: {@code --input} files by their
 * extension, and {@code --out} as one CSV or Parquet file (kept in the rows' order) or a directory of part files.
 */
final class ScoredOutput {
  private final String command;
  private final String out;
  private final String format;
  /** csv or parquet when {@code out} names one file; null for a directory or no --out. */
  private final String file;

  /**
   * Checks --out and --format together, before Spark starts.
   *
   * @param out null to print the first rows
   */
  ScoredOutput(String command, String out, String format) {
    this.command = command;
    this.out = out;
    this.format = format;
    if (format != null && !format.equals("csv") && !format.equals("parquet")) {
      throw new SettingsException(command + " --format " + format + ": expected csv or parquet");
    }
    this.file = out == null ? null : fileFormat(out);
    if (file != null && format != null && !format.equals(file)) {
      throw new SettingsException(command + " --format " + format + ": --out " + out + " is a ." + file
          + " file; leave --format out, or give a path without that extension for a directory");
    }
  }

  /** True with no --out: the command prints its first rows. */
  boolean printing() {
    return out == null;
  }

  /** Refuses a directory where one file is to be written, before any scoring. */
  void check(SparkSession spark) throws IOException {
    if (file != null) {
      Path target = new Path(out);
      FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (fs.exists(target) && fs.getFileStatus(target).isDirectory()) {
        throw notAFile(fs.makeQualified(target));
      }
    }
  }

  /**
   * Writes the rows to --out, in the order of {@code orderColumn} for one file (which is not written), and says
   * where.
   */
  void write(Dataset<Row> rows, String orderColumn, SparkSession spark) throws IOException {
    Path target = new Path(out);
    FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
    if (file != null) {
      writeOneFile(rows, orderColumn, target, fs);
      System.out.println(SafeText.value("scored rows written to " + fs.makeQualified(target) + " (one " + file
          + " file)"));
      return;
    }
    String directory = format == null ? "csv" : format;
    Dataset<Row> unordered = rows.drop(orderColumn);
    if (directory.equals("csv")) {
      unordered.select(flatArrays(unordered)).write().mode("overwrite").option("header", true).csv(out);
    } else {
      unordered.write().mode("overwrite").parquet(out);
    }
    System.out.println(SafeText.value("scored rows written to " + out + " (a directory of " + directory
        + " part files)"));
  }

  /** A --input file: CSV (with a header), Parquet or JSON lines, by its extension. */
  static Dataset<Row> read(String command, SparkSession spark, String input) {
    String name = input.toLowerCase(Locale.ROOT);
    if (!new java.io.File(input).exists()) {
      throw new SettingsException(command + " --input " + input + ": no such file");
    }
    if (name.endsWith(".parquet")) {
      return spark.read().parquet(input);
    }
    if (name.endsWith(".json") || name.endsWith(".jsonl")) {
      return spark.read().json(input);
    }
    if (name.endsWith(".csv")) {
      return spark.read().option("header", true).csv(input);
    }
    throw new SettingsException(command + " --input " + input + ": expected a .csv, .parquet, .json or .jsonl file");
  }

  /** Refuses a --query that is not a SELECT. */
  static void checkQuery(String command, String query) {
    if (query != null && !query.strip().toUpperCase(Locale.ROOT).matches("(?s)^(SELECT|WITH)\\b.*")) {
      throw new SettingsException(command + " --query: expected a SELECT (or WITH) statement");
    }
  }

  /** csv or parquet when {@code path} names one file by its extension; null for a directory. */
  private static String fileFormat(String path) {
    String name = path.toLowerCase(Locale.ROOT);
    return name.endsWith(".csv") ? "csv" : name.endsWith(".parquet") ? "parquet" : null;
  }

  private SettingsException notAFile(Path target) {
    return new SettingsException(command + " --out " + target + ": is a directory, and a path ending .csv or"
        + " .parquet is written as one file; remove the directory or choose another path");
  }

  /**
   * The rows, in {@code orderColumn}'s order, as one file at {@code target}: written as a single part file into a
   * directory beside it, which is then moved into place (replacing a file there) and the directory removed.
   */
  private void writeOneFile(Dataset<Row> rows, String orderColumn, Path target, FileSystem fs) throws IOException {
    Path parent = fs.makeQualified(target).getParent();
    Path scratch = new Path(parent, "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Dataset<Row> one = rows.repartition(1).sortWithinPartitions(orderColumn).drop(orderColumn);
      if (file.equals("csv")) {
        one.select(flatArrays(one)).write().option("header", true).option("encoding", "UTF-8")
            .option("emptyValue", "").csv(scratch.toString());
      } else {
        one.write().parquet(scratch.toString());
      }
      FileStatus[] parts = fs.listStatus(scratch, p -> p.getName().startsWith("part-"));
      if (parts.length != 1) {
        throw new IOException(command + " --out " + target + ": expected one part file in " + scratch + ", found "
            + parts.length);
      }
      if (fs.exists(target)) {
        if (fs.getFileStatus(target).isDirectory()) {
          throw notAFile(fs.makeQualified(target));
        }
        fs.delete(target, false);
      }
      // the raw local file system moves the file without its checksum file beside it
      FileSystem move = fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
      if (!move.rename(parts[0].getPath(), target)) {
        throw new IOException(command + " --out " + target + ": cannot move " + parts[0].getPath() + " into place");
      }
    } finally {
      fs.delete(scratch, true);
    }
  }

  /** CSV holds no arrays: each array column becomes its values joined by ';'. */
  private static Column[] flatArrays(Dataset<Row> rows) {
    StructField[] fields = rows.schema().fields();
    Column[] out = new Column[fields.length];
    for (int i = 0; i < fields.length; i++) {
      String name = fields[i].name();
      out[i] = fields[i].dataType() instanceof ArrayType
          ? concat_ws(";", col(name).cast("array<string>")).as(name) : col(name);
    }
    return out;
  }
}
