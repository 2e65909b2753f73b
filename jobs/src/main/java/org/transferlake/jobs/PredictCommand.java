package org.transferlake.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
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
import org.transferlake.model.registry.ModelRegistry;
import org.transferlake.pipeline.PipelineSession;
import org.transferlake.pipeline.PredictStage;
import org.transferlake.predict.PredictJob;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code transferlake predict}: screens formulas with a registered model. */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = {"Score a table of formulas with a model from lake.models.registry.", "A mean and a standard"
        + " deviation per formula (class and probabilities for a classification target), with the elements the model"
        + " never saw and the number of imputed element values flagged. Values are in the unit the target's source"
        + " declares, means clipped to the property's range (flagged). Rows whose formula cannot be read are kept,"
        + " with the reason in the error column."})
final class PredictCommand implements Callable<Integer> {
  /** A column that keeps the input's order through scoring into a single file. */
  private static final String ROW = "__predict_row";

  @Mixin
  CommonOptions common;

  @Option(names = "--experiment", required = true, paramLabel = "NAME", description = "The experiment that trained it.")
  String experiment;

  @Option(names = "--architecture", paramLabel = "NAME",
      description = "Default: the registered architecture with the best cross-validated score.")
  String architecture;

  @Option(names = "--learner", paramLabel = "NAME", description = "Default: as --architecture.")
  String learner;

  @Option(names = "--run-id", paramLabel = "ID", description = "Default: the newest published run.")
  String runId;

  @ArgGroup(multiplicity = "1")
  Input input;

  static final class Input {
    @Option(names = "--input", paramLabel = "FILE",
        description = "A CSV (with a header), Parquet or JSON-lines file, by its extension.")
    String file;

    @Option(names = "--query", paramLabel = "SQL", description = "A SELECT over the lake that returns formulas.")
    String query;
  }

  @Option(names = "--formula-column", defaultValue = "formula", paramLabel = "NAME",
      description = "The input's column of formulas. Default: ${DEFAULT-VALUE}.")
  String formulaColumn;

  @Option(names = "--out", paramLabel = "PATH", description = "Write the scored rows here instead of printing the"
      + " first of them: a path ending .csv is one CSV file (with a header, UTF-8; arrays joined by ';'), .parquet"
      + " one Parquet file, an existing file replaced. Any other path is a Spark output directory of part files in"
      + " --format.")
  String out;

  @Option(names = "--format", paramLabel = "FORMAT", description = "csv or parquet, for an --out directory. Default:"
      + " csv; a .csv or .parquet --out file is written as its extension says.")
  String format;

  @Override
  public Integer call() throws IOException {
    if (format != null && !format.equals("csv") && !format.equals("parquet")) {
      throw new SettingsException("predict --format " + format + ": expected csv or parquet");
    }
    String file = out == null ? null : fileFormat(out);
    if (file != null && format != null && !format.equals(file)) {
      throw new SettingsException("predict --format " + format + ": --out " + out + " is a ." + file
          + " file; leave --format out, or give a path without that extension for a directory");
    }
    if (input.query != null && !input.query.strip().toUpperCase(Locale.ROOT).matches("(?s)^(SELECT|WITH)\\b.*")) {
      throw new SettingsException("predict --query: expected a SELECT (or WITH) statement");
    }
    try (PipelineSession session = PipelineSession.reading(common.settings(), "predict")) {
      Path target = out == null ? null : new Path(out);
      FileSystem fs = target == null ? null
          : target.getFileSystem(session.spark().sparkContext().hadoopConfiguration());
      if (file != null && fs.exists(target) && fs.getFileStatus(target).isDirectory()) {
        throw notAFile(fs.makeQualified(target));
      }
      PredictStage predict = new PredictStage(session);
      ModelRegistry.Entry entry = predict.model(experiment, architecture, learner, runId);
      System.out.println(SafeText.value(String.format("model: %s/%s/%s from run %s (params %s; cross-validated %s"
          + " %.4f)", entry.experiment(), entry.architecture(), entry.learner(), entry.runId(), entry.params(),
          entry.cvMetric(), entry.cvScore())));
      PredictJob.OutputUnit unit = predict.unit(entry);
      if (unit != null) {
        System.out.println(SafeText.value("values in " + unit.name() + " (" + entry.targetContext() + "), means"
            + " clipped to the property's range"));
      }
      Dataset<Row> scored = predict.score(read(session.spark()).withColumn(ROW, monotonically_increasing_id()),
          formulaColumn, entry);
      if (out == null) {
        SafeRows.of(scored.drop(ROW, "model")).show(session.settings().sqlMaxRows(), false);
        return 0;
      }
      if (file != null) {
        writeOneFile(scored, file, target, fs);
        System.out.println(SafeText.value("scored rows written to " + fs.makeQualified(target) + " (one " + file
            + " file)"));
        return 0;
      }
      String directory = format == null ? "csv" : format;
      Dataset<Row> rows = scored.drop(ROW);
      if (directory.equals("csv")) {
        rows.select(flatArrays(rows)).write().mode("overwrite").option("header", true).csv(out);
      } else {
        rows.write().mode("overwrite").parquet(out);
      }
      System.out.println(SafeText.value("scored rows written to " + out + " (a directory of " + directory
          + " part files)"));
      return 0;
    }
  }

  /** csv or parquet when {@code path} names one file by its extension; null for a directory. */
  private static String fileFormat(String path) {
    String name = path.toLowerCase(Locale.ROOT);
    return name.endsWith(".csv") ? "csv" : name.endsWith(".parquet") ? "parquet" : null;
  }

  private static SettingsException notAFile(Path target) {
    return new SettingsException("predict --out " + target + ": is a directory, and a path ending .csv or .parquet"
        + " is written as one file; remove the directory or choose another path");
  }

  /**
   * The rows, in the input's order, as one file at {@code target}: written as a single part file into a directory
   * beside it, which is then moved into place (replacing a file there) and the directory removed.
   */
  private static void writeOneFile(Dataset<Row> scored, String format, Path target, FileSystem fs)
      throws IOException {
    Path parent = fs.makeQualified(target).getParent();
    Path scratch = new Path(parent, "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Dataset<Row> one = scored.repartition(1).sortWithinPartitions(ROW).drop(ROW);
      if (format.equals("csv")) {
        one.select(flatArrays(one)).write().option("header", true).option("encoding", "UTF-8")
            .option("emptyValue", "").csv(scratch.toString());
      } else {
        one.write().parquet(scratch.toString());
      }
      FileStatus[] parts = fs.listStatus(scratch, p -> p.getName().startsWith("part-"));
      if (parts.length != 1) {
        throw new IOException("predict --out " + target + ": expected one part file in " + scratch + ", found "
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
        throw new IOException("predict --out " + target + ": cannot move " + parts[0].getPath() + " into place");
      }
    } finally {
      fs.delete(scratch, true);
    }
  }

  private Dataset<Row> read(SparkSession spark) {
    if (input.query != null) {
      return spark.sql(input.query);
    }
    String name = input.file.toLowerCase(Locale.ROOT);
    if (!new java.io.File(input.file).exists()) {
      throw new SettingsException("predict --input " + input.file + ": no such file");
    }
    if (name.endsWith(".parquet")) {
      return spark.read().parquet(input.file);
    }
    if (name.endsWith(".json") || name.endsWith(".jsonl")) {
      return spark.read().json(input.file);
    }
    if (name.endsWith(".csv")) {
      return spark.read().option("header", true).csv(input.file);
    }
    throw new SettingsException("predict --input " + input.file + ": expected a .csv, .parquet, .json or .jsonl file");
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
