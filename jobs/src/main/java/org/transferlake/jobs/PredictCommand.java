package org.transferlake.jobs;

import static org.apache.spark.sql.functions.monotonically_increasing_id;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
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

  @Mixin
  ModelChoice model;

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
    ScoredOutput output = new ScoredOutput("predict", out, format);
    ScoredOutput.checkQuery("predict", input.query);
    try (PipelineSession session = PipelineSession.reading(common.settings(), "predict")) {
      output.check(session.spark());
      PredictStage predict = new PredictStage(session);
      ModelRegistry.Entry entry = predict.model(model.experiment, model.architecture, model.learner, model.runId);
      System.out.println(SafeText.value(String.format("model: %s/%s/%s from run %s (params %s; cross-validated %s"
          + " %.4f)", entry.experiment(), entry.architecture(), entry.learner(), entry.runId(), entry.params(),
          entry.cvMetric(), entry.cvScore())));
      PredictJob.OutputUnit unit = predict.unit(entry);
      if (unit != null) {
        System.out.println(SafeText.value("values in " + unit.name() + " (" + entry.targetContext() + "), means"
            + " clipped to the property's range"));
      }
      SparkSession spark = session.spark();
      Dataset<Row> candidates = input.query != null ? spark.sql(input.query)
          : ScoredOutput.read("predict", spark, input.file);
      Dataset<Row> scored = predict.score(candidates.withColumn(ROW, monotonically_increasing_id()), formulaColumn,
          entry);
      if (output.printing()) {
        SafeRows.of(scored.drop(ROW, "model")).show(session.settings().sqlMaxRows(), false);
        return 0;
      }
      output.write(scored, ROW, spark);
      return 0;
    }
  }
}
