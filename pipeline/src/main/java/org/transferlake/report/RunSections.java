package org.transferlake.report;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.transferlake.config.PropertyCatalog;
import org.transferlake.config.SettingsException;
import org.transferlake.lake.Metric;
import org.transferlake.model.components.Components;
import org.transferlake.report.ReportDocument.Block;
import org.transferlake.report.ReportDocument.Figures;
import org.transferlake.report.ReportDocument.Section;
import org.transferlake.report.ReportDocument.Table;
import org.transferlake.report.ReportDocument.Text;
import org.transferlake.report.ReportDocument.Verbatim;
import org.transferlake.report.Summaries.ModelSummary;
import org.transferlake.train.experiment.ContextRef;
import org.transferlake.train.experiment.ExperimentCatalog;
import org.transferlake.train.experiment.ExperimentDefinition;

/** One run's part of the report: its summaries, comparisons, charts, choices, provenance and sources, as sections. */
final class RunSections {
  /** The yardstick architecture, as report text names it. */
  private static final String YARDSTICK = Components.YARDSTICK;
  private static final String SOURCE_YARDSTICK = Components.SOURCE_YARDSTICK;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);

  private final PublishedRun run;
  private final ReportOptions options;
  private final List<Section> sections = new ArrayList<>();
  private final List<Figure> figures = new ArrayList<>();
  private final String prefix;

  private List<UnitMetrics> metrics;
  private ChosenUnits chosen;
  private List<SelectedParams> selected;
  private List<TestPrediction> predictions;
  private List<ModelSummary> models;
  private ExperimentDefinition definition;
  private String definitionProblem;
  private List<String> sourceContexts = List.of();
  private String features;
  private String target;
  private String unit;
  private boolean classification;
  private int size;

  private RunSections(PublishedRun run, ReportOptions options) {
    this.run = run;
    this.options = options;
    this.prefix = (run.experiment() + "-" + run.runId()).replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** The run's sections (a level-2 heading, then level 3) and the figures they show. */
  static ReportPart build(PublishedRun run, ResultsReader reader, Map<String, SourceCitation> sources,
      ReportOptions options) {
    RunSections r = new RunSections(run, options);
    r.read(reader);
    r.overview();
    if (!r.metrics.isEmpty()) {
      r.summary();
      r.published();
      r.zeroSplit();
      r.learningCurve();
      r.predictionCharts();
      r.reliability();
      r.selection();
    }
    r.provenance();
    r.sources(sources);
    return new ReportPart(r.sections, r.figures);
  }

  private void read(ResultsReader reader) {
    metrics = reader.metrics(run);
    selected = reader.selected(run);
    chosen = ChosenUnits.choose(metrics, selected);
    String text = run.definition() == null ? "" : run.definition();
    try {
      definition = ExperimentCatalog.parse(text, "ops.runs.definition of run " + run.runId());
      sourceContexts = definition.sources().stream().flatMap(s -> s.links().stream()).map(ContextRef::id).toList();
      features = String.join(", ", definition.features());
    } catch (SettingsException e) {
      definitionProblem = e.getMessage();
      readLeniently(text);
    }
    target = metrics.isEmpty() ? (definition == null ? null : definition.target().id())
        : metrics.get(0).targetContext();
    unit = unitOf(target, options.properties());
    classification = metrics.stream().anyMatch(UnitMetrics::classification);
    size = chosen.units().stream().anyMatch(m -> m.size() == 0) ? 0
        : chosen.units().stream().mapToInt(UnitMetrics::size).max().orElse(0);
    predictions = reader.predictions(run, Summaries.unitIds(chosen.units(), size));
    models = Summaries.models(chosen.units(), size, predictions);
  }

  /** The source contexts and features of a definition the current catalog refuses (an older run's, say). */
  private void readLeniently(String text) {
    try {
      Config c = ConfigFactory.parseString(text);
      List<String> contexts = new ArrayList<>();
      if (c.hasPath("sources")) {
        for (Config source : c.getConfigList("sources")) {
          if (source.hasPath("context")) {
            Object context = source.getValue("context").unwrapped();
            if (context instanceof List<?> chain) {
              chain.forEach(link -> contexts.add(String.valueOf(link)));
            } else {
              contexts.add(String.valueOf(context));
            }
          }
        }
      }
      sourceContexts = contexts;
      features = c.hasPath("features") ? String.valueOf(c.getValue("features").unwrapped()) : null;
    } catch (ConfigException ignored) {
      // not even HOCON: no sources known beyond the target
    }
  }

  private void overview() {
    List<Block> blocks = new ArrayList<>();
    if (definition != null && !definition.description().isBlank()) {
      String d = definition.description();
      blocks.add(Text.of(d.endsWith(".") ? d : d + "."));
    }
    StringBuilder sb = new StringBuilder("Target ").append(target == null ? "unknown" : target);
    if (definition != null) {
      sb.append("; sources ").append(definition.sources().isEmpty() ? "none" : String.join(", ",
          definition.sources().stream().map(s -> s.id() + " (" + s.aggregate().name().toLowerCase(Locale.ROOT)
              + ")").toList()));
      sb.append("; features ").append(String.join(", ", definition.features())).append("; ").append(foldsText()).append("; inner folds ")
          .append(definition.innerFolds()).append("; repeats ").append(definition.repeats()).append('.');
    } else {
      sb.append("; sources ").append(sourceContexts.isEmpty() ? "unknown" : String.join(", ", sourceContexts))
          .append(". The current code refuses the run's definition (").append(definitionProblem).append(").");
    }
    blocks.add(Text.of(sb.toString()));
    if (metrics.isEmpty()) {
      blocks.add(Text.of("The run is published but has no rows in lake.results.metrics."));
    }
    sections.add(new Section(2, run.experiment() + " — run " + run.runId(), blocks));
  }

  private String foldsText() {
    return definition.foldTable() != null ? "folds from " + definition.foldTable()
        : definition.folds() + "-fold cross-validation grouped by composition";
  }

  private String sizeText() {
    return size == 0 ? "all training rows" : size + " training rows";
  }

  private void summary() {
    List<Block> blocks = new ArrayList<>();
    int folds = models.stream().mapToInt(ModelSummary::folds).max().orElse(0);
    blocks.add(Text.of("Scores on the outer test folds at " + sizeText() + ": mean ± standard deviation over the folds"
        + " (and repeats). Where a learner's grid had several candidates, each fold uses the hyperparameters inner"
        + " validation chose (lake.results.selected), never the best test score."
        + (classification ? "" : " Change vs " + YARDSTICK + ": (score − " + YARDSTICK + "'s) / " + YARDSTICK
            + "'s, same learner; MAE vs " + SOURCE_YARDSTICK + " likewise, against the source's value alone.")));
    if (classification) {
      blocks.add(classificationTable());
      blocks.add(Text.of("Accuracy interval: Wilson's 95% score interval over the test predictions pooled across the"
          + " folds (with several repeats, their average count)."));
    } else {
      blocks.add(regressionTable());
    }
    int testRows = models.stream().mapToInt(ModelSummary::testRows).max().orElse(0);
    if (testRows < options.minTestRows()) {
      blocks.add(Text.of("Only " + testRows + " test rows (fewer than " + options.minTestRows() + "): too few to decide"
          + " between these models; differences here may well be chance."));
    }
    chosen.unselected().forEach(line -> blocks.add(Text.of("Not summarised — " + line
        + ": choosing by test scores would peek at the test fold.")));
    Metric headline = Metric.headline(classification);
    if (!models.isEmpty()) {
      String title = capitalized(headline) + " per architecture";
      figures(blocks, figure("scores", title, Charts.scoreBars(title + " (" + sizeText() + ")", models,
          headline.column(), axis(headline.label())), title + ", mean over " + folds
          + " folds; error bars ±1 standard deviation over folds."));
    }
    sections.add(new Section(3, "Summary", blocks));
  }

  private Table regressionTable() {
    List<List<String>> rows = new ArrayList<>();
    for (ModelSummary m : models) {
      rows.add(List.of(m.model().architecture(), m.model().learner(), String.valueOf(m.folds()),
          String.valueOf(m.repeats()), String.valueOf(m.testRows()), Cells.meanSd(stat(m, Metric.MAE), 4),
          Cells.meanSd(stat(m, Metric.RMSE), 4), Cells.meanSd(stat(m, Metric.R2), 3),
          Cells.number(stat(m, Metric.WITHIN_1SD).mean(), 3), change(m, Metric.MAE), change(m, Metric.RMSE),
          vsSourceOnly(m)));
    }
    return new Table(List.of("architecture", "learner", "folds", "repeats", "test rows", axis(Metric.MAE.label()),
        axis(Metric.RMSE.label()), Metric.R2.label(), Metric.WITHIN_1SD.label(), vsTargetOnly(Metric.MAE),
        vsTargetOnly(Metric.RMSE), Metric.MAE.label() + " vs " + SOURCE_YARDSTICK), rows);
  }

  /** (MAE - source_only's) / source_only's with the same learner; "baseline" for it, "–" without it in the run. */
  private String vsSourceOnly(ModelSummary m) {
    if (m.model().architecture().equals(SOURCE_YARDSTICK)) {
      return "baseline";
    }
    ModelKey yardstick = new ModelKey(SOURCE_YARDSTICK, m.model().learner());
    return models.stream().filter(o -> o.model().equals(yardstick)).findFirst().map(o -> {
      double base = stat(o, Metric.MAE).mean();
      return Cells.signedPercent((stat(m, Metric.MAE).mean() - base) / base);
    }).orElse("–");
  }

  private static Stat stat(ModelSummary m, Metric metric) {
    return m.scores().get(metric.column());
  }

  private static String change(ModelSummary m, Metric metric) {
    return m.model().targetOnly() ? "baseline" : Cells.signedPercent(m.relativeChange().get(metric.column()));
  }

  private static String vsTargetOnly(Metric metric) {
    return metric.label() + " vs " + YARDSTICK;
  }

  /** "Accuracy", "MAE": the label as a title starts. */
  private static String capitalized(Metric metric) {
    return Character.toUpperCase(metric.label().charAt(0)) + metric.label().substring(1);
  }

  private Table classificationTable() {
    List<List<String>> rows = new ArrayList<>();
    for (ModelSummary m : models) {
      Intervals.Interval ci = m.accuracyInterval();
      String pooled = m.correct() == null ? "–" : Cells.number((double) m.correct() / m.testRows(), 4) + " ["
          + Cells.number(ci.low(), 4) + ", " + Cells.number(ci.high(), 4) + "]";
      rows.add(List.of(m.model().architecture(), m.model().learner(), String.valueOf(m.folds()),
          String.valueOf(m.testRows()), Cells.meanSd(stat(m, Metric.ACCURACY), 4), pooled,
          Cells.meanSd(stat(m, Metric.BALANCED_ACCURACY), 4), Cells.meanSd(stat(m, Metric.F1), 4),
          Cells.meanSd(stat(m, Metric.ROC_AUC), 4), Cells.meanSd(stat(m, Metric.LOG_LOSS), 4),
          m.model().targetOnly() ? "baseline" : m.accuracyDifference() == null ? "–"
              : String.format(Locale.ROOT, "%+.1f points", 100 * m.accuracyDifference())));
    }
    return new Table(List.of("architecture", "learner", "folds", "test rows", Metric.ACCURACY.label(),
        "pooled accuracy [95% CI]", Metric.BALANCED_ACCURACY.label(), Metric.F1.label(), Metric.ROC_AUC.label(),
        Metric.LOG_LOSS.label(), vsTargetOnly(Metric.ACCURACY)), rows);
  }

  private void published() {
    PublishedFigures.Reference ref = options.published().forTarget(target);
    if (ref == null || models.isEmpty() || !models.get(0).scores().containsKey(ref.metric())) {
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    int digits = 4;
    for (PublishedFigures.Entry e : ref.entries()) {
      rows.add(List.of(e.model(), "published", Cells.number(e.value(), digits)));
    }
    for (ModelSummary m : models) {
      rows.add(List.of(m.model().toString(), "this run (" + sizeText() + ")",
          Cells.meanSd(m.scores().get(ref.metric()), digits)));
    }
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Text(ref.title() + ". " + ref.citation() + ".", "leaderboard", ref.url()));
    blocks.add(new Table(List.of("model", "from", axis(ref.metric().toUpperCase(Locale.ROOT))), rows));
    if (!ref.note().isBlank()) {
      blocks.add(Text.of(ref.note()));
    }
    if (definition != null) {
      blocks.add(Text.of("This run: " + foldsText() + (definition.sources().isEmpty() ? "; no source contexts."
          : "; source contexts " + String.join(", ", definition.sources().stream().map(s -> s.id()).toList())
              + ".")));
    }
    sections.add(new Section(3, "Against published figures", blocks));
  }

  private void zeroSplit() {
    if (classification || predictions.isEmpty()) {
      return;
    }
    double share = Summaries.zeroShare(predictions);
    if (share < Summaries.ZERO_SHARE) {
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (Summaries.ZeroSplit z : Summaries.zeroSplit(predictions)) {
      rows.add(List.of(z.model().architecture(), z.model().learner(), String.valueOf(z.zeroRows()),
          Cells.number(z.zeroMae(), 4), String.valueOf(z.positiveRows()), Cells.number(z.positiveMae(), 4)));
    }
    sections.add(new Section(3, "Actual = 0 and actual > 0", List.of(
        Text.of(Cells.percent(share) + " of the test actuals are exactly 0 (for band gaps: metals). MAE over the"
            + " out-of-fold predictions at " + sizeText() + ", split there:"),
        new Table(List.of("architecture", "learner", "rows = 0", axis("MAE at 0"), "rows > 0", axis("MAE above 0")),
            rows))));
  }

  private void learningCurve() {
    Metric headline = Metric.headline(classification);
    List<Summaries.CurvePoint> points = Summaries.learningCurve(chosen.units(), headline.column());
    if (points.stream().mapToInt(Summaries.CurvePoint::size).distinct().count() < 2) {
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (Summaries.CurvePoint p : points) {
      rows.add(List.of(p.model().architecture(), p.model().learner(), p.size() == 0 ? "all" : String.valueOf(p.size()),
          Cells.number(p.trainRows(), 0), String.valueOf(p.score().n()), Cells.meanSd(p.score(), 4)));
    }
    List<Block> blocks = new ArrayList<>();
    String name = capitalized(headline);
    figures(blocks, figure("learning-curve", "Learning curve", Charts.learningCurve(name + " against target rows"
        + " trained on", points, axis(name)), name + " against the target rows trained on (log axis), mean over folds;"
        + " error bars ±1 standard deviation over folds."));
    blocks.add(new Table(List.of("architecture", "learner", "size", "rows trained on", "units", axis(name)), rows));
    sections.add(new Section(3, "Learning curves", blocks));
  }

  private void predictionCharts() {
    if (classification || predictions.isEmpty()) {
      return;
    }
    List<ModelKey> shown = new ArrayList<>();
    models.stream().map(ModelSummary::model).filter(ModelKey::targetOnly).forEach(shown::add);
    shown.addAll(Summaries.bestTransfer(models));
    List<Figure> parity = new ArrayList<>();
    for (ModelKey model : shown) {
      List<TestPrediction> sample = Summaries.sample(predictions, model, options.parityPoints(), options.seed());
      long total = predictions.stream().filter(p -> ModelKey.of(p).equals(model)).count();
      String title = "Parity: " + model.architecture();
      parity.add(figure("parity-" + model.architecture() + "-" + model.learner(), title,
          Charts.parity(title + " / " + model.learner(), sample, unit),
          "Out-of-fold predicted mean against actual, " + model + ": " + sample.size() + " of " + total
              + " test rows (seeded sample, seed " + options.seed() + "); error bars ±1 predicted σ."));
    }
    List<Summaries.Calibration> curves = Summaries.calibration(predictions);
    List<Block> blocks = new ArrayList<>();
    if (!parity.isEmpty()) {
      blocks.add(new Figures(parity));
      figures.addAll(parity);
    }
    if (!curves.isEmpty()) {
      figures(blocks, figure("calibration", "Calibration", Charts.calibration("Calibration of the predicted σ", curves),
          "Share of test rows whose actual value lies within mean ± z·σ, against the share a Gaussian of that σ"
              + " would cover, at levels 0.1 … 0.95. Above the diagonal: σ too wide; below: too narrow."));
      List<List<String>> rows = new ArrayList<>();
      for (Summaries.Calibration c : curves) {
        rows.add(List.of(c.model().architecture(), c.model().learner(), String.valueOf(c.rows()),
            Cells.percent(c.withinOneSigma()), Cells.percent(c.withinOneSpread()),
            Cells.percent(c.withinOneSigmaNonZero()), Cells.percent(c.at(0.5)),
            Cells.percent(c.at(0.8)), Cells.percent(c.at(0.95)), String.valueOf(c.zeroSigma())));
      }
      blocks.add(new Table(List.of("architecture", "learner", "rows", "within 1σ (68% if calibrated)",
          "within 1σ before calibration", "within 1σ, actual ≠ 0", "within 50% interval", "within 80%", "within 95%", "σ = 0"), rows));
      blocks.add(Text.of("Before calibration, σ is the learner's own spread (the trees' or the ensemble"
          + " members'), carried through the architecture as the calibrated σ is; the same where nothing was"
          + " calibrated (source_only's residual σ, mllib). Empty for runs from before this was kept. A two-stage"
          + " architecture's σ is that of a mixture with a point mass at 0: it predicts 0 for most actual zeros, an"
          + " error of 0 that any σ covers, so its overall share runs above 68%; the share where the actual value is"
          + " not 0 is the one to read."));
    }
    sections.add(new Section(3, "Predictions and uncertainty", blocks));
  }

  private void reliability() {
    if (!classification) {
      return;
    }
    List<Summaries.Reliability> models = Summaries.reliability(predictions);
    if (models.isEmpty()) {
      return;
    }
    List<Block> blocks = new ArrayList<>();
    figures(blocks, figure("reliability", "Reliability", Charts.reliability("Reliability of the predicted class",
        models), "Share of test rows labelled right against the mean probability of the predicted class, in "
        + Summaries.RELIABILITY_BINS + " equal bins of that probability (empty bins left out). Above the diagonal:"
        + " the probabilities are too cautious; below: overconfident."));
    List<List<String>> rows = new ArrayList<>();
    for (Summaries.Reliability m : models) {
      rows.add(List.of(m.model().architecture(), m.model().learner(), String.valueOf(m.rows()),
          Cells.number(m.meanConfidence(), 3), Cells.number(m.accuracy(), 3), Cells.number(m.expectedError(), 3)));
    }
    blocks.add(new Table(List.of("architecture", "learner", "rows", "mean probability of the predicted class",
        "share right", "expected calibration error"), rows));
    sections.add(new Section(3, "Predicted probabilities", blocks));
  }

  private void selection() {
    List<SelectedParams> atSize = new ArrayList<>();
    for (SelectedParams s : selected) {
      if (chosen.units().stream().anyMatch(m -> m.size() == size && m.architecture().equals(s.architecture())
          && m.learner().equals(s.learner()) && m.fold() == s.fold() && m.repeat() == s.repeat()
          && m.nTrain() == s.nTrain())) {
        atSize.add(s);
      }
    }
    atSize.sort(java.util.Comparator.comparing((SelectedParams s) -> new ModelKey(s.architecture(), s.learner()))
        .thenComparingInt(SelectedParams::repeat).thenComparingInt(SelectedParams::fold));
    boolean nothingChosen = atSize.stream().allMatch(s -> s.candidates() <= 1);
    List<Block> blocks = new ArrayList<>();
    blocks.add(Text.of("Per architecture, learner, outer fold and repeat at " + sizeText() + ": the hyperparameters"
        + " with the best inner-validation score on the training rows (lake.results.selected)."
        + (nothingChosen ? " Every grid here had a single candidate, so nothing was chosen." : "")));
    List<List<String>> rows = new ArrayList<>();
    if (nothingChosen) {
      Map<String, List<String>> folds = new LinkedHashMap<>();
      for (SelectedParams s : atSize) {
        folds.computeIfAbsent(s.architecture() + "\t" + s.learner() + "\t" + s.params(), k -> new ArrayList<>())
            .add(s.fold() + (s.repeat() == 0 ? "" : " (repeat " + s.repeat() + ")"));
      }
      folds.forEach((key, f) -> {
        String[] k = key.split("\t", -1);
        rows.add(List.of(k[0], k[1], k[2], String.join(", ", f)));
      });
      blocks.add(new Table(List.of("architecture", "learner", "params", "folds"), rows));
    } else {
      for (SelectedParams s : atSize) {
        rows.add(List.of(s.architecture(), s.learner(), String.valueOf(s.fold()), String.valueOf(s.repeat()),
            s.params(), String.valueOf(s.candidates()), Cells.number(s.innerScore(), 4)));
      }
      blocks.add(new Table(List.of("architecture", "learner", "fold", "repeat", "params", "candidates", "inner score"),
          rows));
    }
    sections.add(new Section(3, "Selected hyperparameters", blocks));
  }

  private void provenance() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("run id", run.runId()));
    rows.add(List.of("experiment", run.experiment()));
    rows.add(List.of("started", when(run.startedAt())));
    rows.add(List.of("finished", when(run.finishedAt())));
    rows.add(List.of("duration", duration(run.seconds())));
    rows.add(List.of("work units", String.valueOf(run.units())));
    rows.add(List.of("code version", String.valueOf(run.codeVersion())));
    rows.add(List.of("definition SHA-256", String.valueOf(run.configSha256())));
    run.inputSnapshots().forEach((table, id) -> rows.add(List.of("input snapshot: " + table, String.valueOf(id))));
    run.sourceCoverage().forEach((link, n) -> rows.add(List.of(link.endsWith("[none]")
        ? "target compositions in no link of " + link.substring(0, link.length() - "[none]".length())
        : "target compositions from " + link, String.valueOf(n))));
    if (definition != null) {
      definition.allowedExperimentalSources().forEach((context, why) -> rows.add(List.of(
          "experimental source allowed: " + context, why)));
    }
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Table(List.of("what", "value"), rows));
    blocks.add(Text.of("An input snapshot id reproduces what the run read: SELECT … FROM <table> VERSION AS OF <id>."));
    if (run.definition() != null && !run.definition().isBlank()) {
      blocks.add(new Verbatim("Experiment definition as run", run.definition()));
    }
    sections.add(new Section(3, "Provenance", blocks));
  }

  private void sources(Map<String, SourceCitation> citations) {
    Map<String, String> roles = new LinkedHashMap<>();
    if (target != null) {
      roles.put(ContextRef.parse(target).sourceId(), "target (" + target + ")");
    }
    for (String context : sourceContexts) {
      try {
        roles.merge(ContextRef.parse(context).sourceId(), "source (" + context + ")", (a, b) -> a + "; " + b);
      } catch (IllegalArgumentException e) {
        roles.merge(context, "source (not a context id)", (a, b) -> a + "; " + b);
      }
    }
    if (features == null || features.contains("magpie")) {
      roles.merge(elementSource(), "element table (features)", (a, b) -> a + "; " + b);
    }
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, String> e : roles.entrySet()) {
      SourceCitation c = citations.get(e.getKey());
      if (c == null) {
        rows.add(List.of(e.getKey(), e.getValue(), "(not in lake.curated.sources)", "", "", ""));
        continue;
      }
      String origin = c.originUrl() != null && !c.originUrl().isBlank() ? c.originUrl().split(" ")[0]
          : c.originRepository() == null ? "" : "https://github.com/" + c.originRepository()
              + (c.originCommit() == null ? "" : "/tree/" + c.originCommit());
      rows.add(List.of(c.sourceId(), e.getValue(), String.valueOf(c.citation()), String.valueOf(c.licence())
          + (c.flags().isEmpty() ? "" : " (flags: " + String.join(", ", c.flags()) + ")"),
          c.title() == null ? "" : c.title(), origin));
    }
    sections.add(new Section(3, "Sources cited", List.of(Text.of("Every source this run used, as lake.curated.sources"
        + " records it."), new Table(List.of("source", "role", "citation", "licence", "title", "origin"), rows))));
  }

  /** The element table the run's settings name, else the current setting. */
  private String elementSource() {
    try {
      Config c = ConfigFactory.parseString(run.settings() == null ? "" : run.settings());
      if (c.hasPath("featurize.element-source")) {
        return c.getString("featurize.element-source");
      }
    } catch (ConfigException ignored) {
      // settings kept as something other than HOCON: fall back to the current setting
    }
    return options.elementSource();
  }

  private Figure figure(String name, String title, byte[] png, String caption) {
    return new Figure(prefix + "-" + name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png", title, caption, png);
  }

  private void figures(List<Block> blocks, Figure figure) {
    blocks.add(new Figures(List.of(figure)));
    figures.add(figure);
  }

  private String axis(String name) {
    return unit == null || unit.isEmpty() ? name : name + " (" + unit + ")";
  }

  private static String unitOf(String target, PropertyCatalog properties) {
    if (target == null) {
      return "";
    }
    try {
      PropertyCatalog.Property p = properties.get(ContextRef.parse(target).property());
      return p.numeric() ? p.unit() : "";
    } catch (RuntimeException e) {
      return "";
    }
  }

  private static String when(Instant t) {
    return t == null ? "–" : WHEN.format(t);
  }

  private static String duration(double seconds) {
    if (Double.isNaN(seconds)) {
      return "–";
    }
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d h %02d min %02d s", s / 3600, s % 3600 / 60, s % 60)
        : s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60)
        : String.format(Locale.ROOT, "%.1f s", seconds);
  }
}
