package org.transferlake.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
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
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code transferlake predict}: screens formulas with a registered model. */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = {"Score a table of formulas with a model from lake.models.registry: a mean and a standard",
        "deviation per formula (class and probabilities for a classification target), with the elements the model",
        "never saw and the number of imputed element values flagged. Rows whose formula cannot be read are kept,",
        "with the reason in the error column."})
final class PredictCommand implements Callable<Integer> {
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

  @Option(names = "--out", paramLabel = "DIR", description = "Write the scored rows here (a Spark output directory)"
      + " instead of printing the first of them.")
  String out;

  @Option(names = "--format", defaultValue = "csv", description = "csv or parquet, with --out. Default: ${DEFAULT-VALUE}.")
  String format;

  @Override
  public Integer call() throws IOException {
    if (!format.equals("csv") && !format.equals("parquet")) {
      throw new SettingsException("predict --format " + format + ": expected csv or parquet");
    }
    if (input.query != null && !input.query.strip().toUpperCase(Locale.ROOT).matches("^(SELECT|WITH)\\b.*")) {
      throw new SettingsException("predict --query: expected a SELECT (or WITH) statement");
    }
    try (PipelineSession session = new PipelineSession(common.settings(), "predict")) {
      PredictStage predict = new PredictStage(session);
      ModelRegistry.Entry entry = predict.model(experiment, architecture, learner, runId);
      System.out.printf("model: %s/%s/%s from run %s (params %s; cross-validated %s %.4f)%n", entry.experiment(),
          entry.architecture(), entry.learner(), entry.runId(), entry.params(), entry.cvMetric(), entry.cvScore());
      Dataset<Row> scored = predict.score(read(session.spark()), formulaColumn, entry);
      if (out == null) {
        scored.drop("model").show(session.settings().sqlMaxRows(), false);
        return 0;
      }
      if (format.equals("csv")) {
        scored.select(flatArrays(scored)).write().mode("overwrite").option("header", true).csv(out);
      } else {
        scored.write().mode("overwrite").parquet(out);
      }
      System.out.println("scored rows written to " + out + " (" + format + ")");
      return 0;
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
