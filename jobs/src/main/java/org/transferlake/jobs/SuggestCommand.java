package org.transferlake.jobs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.transferlake.config.SettingsException;
import org.transferlake.model.acquisition.Acquisition;
import org.transferlake.model.acquisition.AcquisitionFunction;
import org.transferlake.model.acquisition.Goal;
import org.transferlake.model.registry.ModelRegistry;
import org.transferlake.pipeline.PipelineSession;
import org.transferlake.pipeline.SuggestStage;
import org.transferlake.predict.PredictJob;
import org.transferlake.suggest.SuggestRequest;
import org.transferlake.suggest.Suggestions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code transferlake suggest}: which compositions to measure next. */
@Command(name = "suggest", mixinStandardHelpOptions = true,
    description = {"Rank candidate compositions for the next experiments with a model from lake.models.registry.",
        "Each candidate is scored as predict scores it (mean and standard deviation, unit, flags), valued toward"
            + " --goal by an acquisition function of its predicted N(mean, std²), and ranked; a batch of the first"
            + " --batch, at most --per-system of one chemical system, is flagged in_batch. Compositions the lake"
            + " already holds a value of the model's target context for are left out. Regression targets only."})
final class SuggestCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Mixin
  ModelChoice model;

  @ArgGroup(multiplicity = "1")
  Candidates candidates;

  static final class Candidates {
    @Option(names = "--input", paramLabel = "FILE",
        description = "A CSV (with a header), Parquet or JSON-lines file of formulas, by its extension.")
    String file;

    @Option(names = "--query", paramLabel = "SQL", description = "A SELECT over the lake that returns formulas.")
    String query;

    @Option(names = "--from-lake", description = "Every composition in the lake without a value of the model's"
        + " target context.")
    boolean fromLake;
  }

  @Option(names = "--formula-column", defaultValue = "formula", paramLabel = "NAME",
      description = "The input's column of formulas. Default: ${DEFAULT-VALUE}.")
  String formulaColumn;

  @Option(names = "--goal", required = true, paramLabel = "GOAL", description = "window:LO,HI (a value in"
      + " [LO, HI], in the unit predictions are given in), max or min.")
  String goal;

  @Option(names = "--acquisition", paramLabel = "NAME", description = "probability_in_window (window),"
      + " expected_improvement, probability_of_improvement (max, min), upper_confidence_bound (max),"
      + " lower_confidence_bound (min), max_uncertainty, mean (any goal). Default: probability_in_window for a"
      + " window, expected_improvement for max and min, over the best value measured of the target context (or,"
      + " with none measured, the best predicted mean).")
  String acquisition;

  @Option(names = "--kappa", defaultValue = "" + AcquisitionFunction.DEFAULT_KAPPA, paramLabel = "K",
      description = "κ of the confidence bounds, mean ± κ·std. Default: ${DEFAULT-VALUE}.")
  double kappa;

  @Option(names = "--batch", defaultValue = "" + SuggestRequest.DEFAULT_BATCH, paramLabel = "K",
      description = "How many to measure next. Default: ${DEFAULT-VALUE}.")
  int batch;

  @Option(names = "--per-system", defaultValue = "1", paramLabel = "M",
      description = "The most batch members of one chemical system (one element set). Default: ${DEFAULT-VALUE}.")
  int perSystem;

  @Option(names = "--diversity", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Keep the batch diverse by --per-system; --no-diversity takes the batch straight down the"
          + " ranking. Default: on.")
  boolean diversity;

  @Option(names = "--exclude-elements", split = ",", paramLabel = "EL", description = "Leave out compositions with"
      + " any of these elements (Pb,Cd).")
  List<String> excludeElements = new ArrayList<>();

  @Option(names = "--exclude-measured", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Leave out compositions with a value of the model's target context in the lake. Default: on.")
  boolean excludeMeasured;

  @Option(names = "--out", paramLabel = "PATH", description = "Write every ranked row here, in rank order, as predict"
      + " writes it: a path ending .csv is one CSV file, .parquet one Parquet file, any other a directory of part"
      + " files in --format. Without it, only the batch is printed.")
  String out;

  @Option(names = "--format", paramLabel = "FORMAT", description = "csv or parquet, for an --out directory. Default:"
      + " csv.")
  String format;

  @Override
  public Integer call() throws IOException {
    ScoredOutput output = new ScoredOutput("suggest", out, format);
    ScoredOutput.checkQuery("suggest", candidates.query);
    SuggestRequest request = request();
    try (PipelineSession session = PipelineSession.reading(common.settings(), "suggest")) {
      output.check(session.spark());
      SuggestStage suggest = new SuggestStage(session);
      ModelRegistry.Entry entry = suggest.model(model.experiment, model.architecture, model.learner, model.runId);
      System.out.println(SafeText.value(String.format(Locale.ROOT, "model: %s/%s/%s from run %s (params %s;"
          + " cross-validated %s %.4f)", entry.experiment(), entry.architecture(), entry.learner(), entry.runId(),
          entry.params(), entry.cvMetric(), entry.cvScore())));
      PredictJob.OutputUnit unit = suggest.unit(entry);
      if (unit != null) {
        System.out.println(SafeText.value("values in " + unit.name() + " (" + entry.targetContext() + "), means"
            + " clipped to the property's range; the goal in the same unit"));
      }
      SparkSession spark = session.spark();
      Dataset<Row> input = candidates.fromLake ? null : candidates.query != null ? spark.sql(candidates.query)
          : ScoredOutput.read("suggest", spark, candidates.file);
      Suggestions s = suggest.suggest(input, formulaColumn, entry, request);
      new SuggestSummary(System.out).print(s, entry, request, candidates.fromLake);
      if (!output.printing()) {
        output.write(s.rows(), Suggestions.ORDER_COLUMN, spark);
      }
      return 0;
    }
  }

  /** The options as the library's request; a bad goal or function is refused before Spark starts. */
  private SuggestRequest request() {
    Goal g;
    try {
      g = Goal.parse(goal);
    } catch (IllegalArgumentException e) {
      throw new SettingsException("suggest --goal: " + e.getMessage());
    }
    Acquisition a;
    try {
      a = acquisition == null ? Acquisition.defaultFor(g) : Acquisition.parse(acquisition).requireValidFor(g);
    } catch (IllegalArgumentException e) {
      throw new SettingsException("suggest --acquisition: " + e.getMessage());
    }
    if (!(kappa >= 0) || Double.isInfinite(kappa)) {
      throw new SettingsException("suggest --kappa " + kappa + ": expected a number at least 0 (default "
          + AcquisitionFunction.DEFAULT_KAPPA + ")");
    }
    if (batch < 1) {
      throw new SettingsException("suggest --batch " + batch + ": expected 1 or more");
    }
    if (perSystem < 1) {
      throw new SettingsException("suggest --per-system " + perSystem + ": expected 1 or more (--no-diversity"
          + " lifts the limit)");
    }
    List<String> elements = excludeElements.stream().map(String::strip).filter(e -> !e.isEmpty()).toList();
    try {
      return new SuggestRequest(g, a, kappa, batch, diversity ? perSystem : 0, elements, excludeMeasured);
    } catch (SettingsException e) {
      throw new SettingsException("suggest --exclude-elements: " + e.getMessage());
    }
  }
}
