package org.transferlake.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.transferlake.config.SettingsException;
import org.transferlake.config.SettingsLoader;
import org.transferlake.lake.Lake;
import org.transferlake.testing.ResultRows;
import org.transferlake.testing.TestPaths;
import org.transferlake.testing.TestSpark;

/** The report of hand-made result rows: its numbers checked by hand, its charts, its citations. */
class ReportJobTest {
  private static Lake lake;
  private static ReportJob job;
  private static ResultsReader reader;
  private static Path dir;
  private static List<Path> written;
  private static String html;
  private static String markdown;
  private static List<UnitMetrics> metricsOfRunNew;
  private static ChosenUnits chosenInRunNew;

  @BeforeAll
  static void writeRowsAndReport() throws IOException {
    lake = TestSpark.freshLake();
    ResultRows.write(lake);
    job = new ReportJob(lake, ReportOptions.from(new SettingsLoader().withoutSystemProperties().set(
        "transferlake.report.published", new File(TestPaths.project(), "conf/report/published.conf").getPath())
        .set("transferlake.report.derived", new File(TestPaths.project(), "conf/report/derived.conf").getPath())
        .load()));
    reader = new ResultsReader(lake);
    dir = TestSpark.tempDir("report").toPath();
    written = job.write(job.runs(List.of(), List.of()), dir);
    PublishedRun runNew = run("run-new");
    metricsOfRunNew = reader.metrics(runNew);
    chosenInRunNew = ChosenUnits.choose(metricsOfRunNew, reader.selected(runNew));
    html = Files.readString(dir.resolve(ReportJob.HTML));
    markdown = Files.readString(dir.resolve(ReportJob.MARKDOWN));
  }

  private static PublishedRun run(String id) {
    return reader.publishedRuns().stream().filter(r -> r.runId().equals(id)).findFirst().orElseThrow();
  }

  private static Summaries.ModelSummary summary(String architecture) {
    return Summaries.models(chosenInRunNew.units(), 0, List.of()).stream()
        .filter(s -> s.model().architecture().equals(architecture)).findFirst().orElseThrow();
  }

  @Test
  void byDefaultTheLatestPublishedRunOfEachExperiment() {
    assertEquals(List.of("run-new", "run-metal"), job.runs(List.of(), List.of()).stream().map(PublishedRun::runId)
        .toList());
    assertEquals(List.of("run-old"), job.runs(List.of("run-old"), List.of()).stream().map(PublishedRun::runId)
        .toList());
    assertEquals(List.of("run-metal"), job.runs(List.of(), List.of("tiny_metal")).stream().map(PublishedRun::runId)
        .toList());
  }

  @Test
  void anUnpublishedRunIsNeverReported() {
    SettingsException e = assertThrows(SettingsException.class, () -> job.runs(List.of("run-draft"), List.of()));
    assertTrue(e.getMessage().contains("run run-draft: no published run"), e.getMessage());
    assertThrows(SettingsException.class, () -> job.runs(List.of(), List.of("absent")));
    assertFalse(html.contains("run-draft") || html.contains("5.0000"), "the draft run's rows stay out");
    assertFalse(html.contains("run-old") || html.contains("9.0000"), "an older published run is not the latest");
  }

  @Test
  void meanAndSdOverFoldsAndTheChangeAgainstTargetOnly() {
    Summaries.ModelSummary targetOnly = summary("target_only");
    assertEquals(0.6, targetOnly.scores().get("mae").mean(), 1e-12);
    assertEquals(0.1, targetOnly.scores().get("mae").sd(), 1e-12);
    assertEquals(1.0, targetOnly.scores().get("rmse").mean(), 1e-12);
    assertEquals(0.2, targetOnly.scores().get("rmse").sd(), 1e-12);
    assertEquals(3, targetOnly.folds());
    assertEquals(12, targetOnly.testRows());
    Summaries.ModelSummary latent = summary("latent_variable");
    assertEquals(0.4, latent.scores().get("mae").mean(), 1e-12);
    assertEquals((0.4 - 0.6) / 0.6, latent.relativeChange().get("mae"), 1e-12);
    assertEquals((0.7 - 1.0) / 1.0, latent.relativeChange().get("rmse"), 1e-12);
    String row = "| latent_variable | forest | 3 | 1 | 12 | 0.4000 ± 0.1000 | 0.7000 ± 0.1000 |";
    assertTrue(markdown.contains(row), markdown);
    assertTrue(markdown.contains("| -33.3% | -30.0% |"), markdown);
    assertTrue(markdown.contains("| target_only | forest | 3 | 1 | 12 | 0.6000 ± 0.1000 | 1.0000 ± 0.2000 |"),
        markdown);
  }

  @Test
  void sourceOnlySitsBesideTargetOnlyInEveryTableAsAFlatLearningCurve() {
    Summaries.ModelSummary sourceOnly = summary("source_only");
    assertEquals((0.5 - 0.6) / 0.6, sourceOnly.relativeChange().get("mae"), 1e-12);
    String[] scores = {"| target_only | forest | 3 | 1 | 12 |", "| source_only | forest | 3 | 1 | 12 | 0.5000 ± 0.0000"
        + " | 0.9000 ± 0.0000 |", "| latent_variable | forest | 3 | 1 | 12 |"};
    int before = -1;
    for (String row : scores) {
      int at = markdown.indexOf(row);
      assertTrue(at > before, row + " after the row above it in\n" + markdown);
      before = at;
    }
    assertTrue(markdown.contains("| -16.7% | -10.0% |"), markdown);
    assertTrue(markdown.contains("| source_only | forest | 5 | 5 | 3 | 0.5000 ± 0.0000 |"), "learning curve: "
        + markdown);
    assertTrue(markdown.contains("| source_only | forest | 6 | 0.5000 | 6 | 0.5000 |"), "MAE at 0: " + markdown);
    assertTrue(markdown.contains("| source_only | forest | 0 | 0 |  | 1 | 0.5000 |"), "no hyperparameters: "
        + markdown);
  }

  @Test
  void hyperparametersComeFromResultsSelectedNotFromTestScores() {
    ChosenUnits chosen = chosenInRunNew;
    assertEquals(18, chosen.units().size(), "3 architectures x 3 folds x 2 sizes");
    for (UnitMetrics m : chosen.units()) {
      String params = switch (m.architecture()) {
        case "target_only" -> "trees=10";
        case "source_only" -> "";
        default -> "trees=20";
      };
      assertEquals(params, m.params(), m.unitId());
    }
    assertTrue(chosen.unselected().isEmpty());
    assertTrue(markdown.contains("| target_only | forest | 0 | 0 | trees=10 | 2 | 0.8000 |"), markdown);
  }

  @Test
  void severalCandidatesWithoutASelectionAreLeftOutAndNamed() {
    ChosenUnits chosen = ChosenUnits.choose(metricsOfRunNew, List.of());
    assertEquals(6, chosen.units().size(), "source_only's units: one candidate each");
    assertTrue(chosen.units().stream().allMatch(m -> m.architecture().equals("source_only")));
    assertEquals(List.of("latent_variable / forest, size 5: 2 candidates and no selection, folds 0, 1, 2",
        "latent_variable / forest, size all: 2 candidates and no selection, folds 0, 1, 2",
        "target_only / forest, size 5: 2 candidates and no selection, folds 0, 1, 2",
        "target_only / forest, size all: 2 candidates and no selection, folds 0, 1, 2"), chosen.unselected());
  }

  @Test
  void maeIsSplitAtZeroForTheChosenUnitsPredictions() {
    assertTrue(markdown.contains("50.0% of the test actuals are exactly 0"), markdown);
    assertTrue(markdown.contains("| target_only | forest | 6 | 0.3000 | 6 | 0.5000 |"), markdown);
    assertTrue(markdown.contains("| latent_variable | forest | 6 | 0.1000 | 6 | 0.2000 |"), markdown);
  }

  @Test
  void calibrationCountsTheRowsInsideTheGaussianInterval() {
    PublishedRun run = run("run-new");
    List<TestPrediction> p = reader.predictions(run, List.of(ResultRows.unitId("target_only", "trees=10", 0, 0)));
    Summaries.Calibration c = Summaries.calibration(p).get(0);
    // errors 0.2, 0.4, 0.5, 0.5 with σ = 0.5: z(0.5) σ = 0.337 holds one, z(0.95) σ = 0.98 all four
    assertEquals(0.25, c.at(0.5), 1e-12);
    assertEquals(1.0, c.at(0.95), 1e-12);
    assertEquals(1.0, c.withinOneSigma(), 1e-12);
    // before calibration σ was 0.25: only the error of 0.2 lies within
    assertEquals(0.25, c.withinOneSpread(), 1e-12);
    assertTrue(markdown.contains("| target_only | forest | 12 | 100.0% | 25.0% |"), markdown);
  }

  @Test
  void classificationHasAWilsonIntervalAndSaysWhenTheTestSetIsSmall() {
    assertTrue(markdown.contains("| target_only | forest | 2 | 50 | 0.8000 ± 0.0566 | 0.8000 [0.6696, 0.8876] |"),
        markdown);
    assertTrue(markdown.contains("Wilson's 95% score interval"), markdown);
    assertTrue(markdown.contains("Only 50 test rows (fewer than 200): too few to decide"), markdown);
  }

  @Test
  void reliabilityBinsThePredictedClassProbability() {
    List<Summaries.Reliability> r = Summaries.reliability(reader.predictions(run("run-metal"),
        List.of(ResultRows.unitId("target_only", "trees=10", 0, 0), ResultRows.unitId("target_only", "trees=10", 1, 0))));
    assertEquals(1, r.size());
    // 40 right at 0.9, 10 wrong at 0.65: mean 0.85; ECE = 0.8 x |1 - 0.9| + 0.2 x |0 - 0.65| = 0.21
    assertEquals(2, r.get(0).bins().size());
    assertEquals(0.85, r.get(0).meanConfidence(), 1e-12);
    assertEquals(0.8, r.get(0).accuracy(), 1e-12);
    assertEquals(0.21, r.get(0).expectedError(), 1e-12);
    assertTrue(markdown.contains("| target_only | forest | 50 | 0.850 | 0.800 | 0.210 |"), markdown);
    assertTrue(markdown.contains("tiny_metal-run-metal-reliability.png"), markdown);
  }

  @Test
  void everyImageIsAnInlinePngAndNothingIsFetched() throws IOException {
    Matcher m = Pattern.compile("<img [^>]*src=\"([^\"]*)\"").matcher(html);
    int images = 0;
    while (m.find()) {
      String src = m.group(1);
      assertTrue(src.startsWith("data:image/png;base64,"), src.substring(0, Math.min(40, src.length())));
      byte[] png = Base64.getDecoder().decode(src.substring("data:image/png;base64,".length()));
      assertTrue(png.length > 5000, "a drawn chart, not an empty image: " + png.length + " bytes");
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      assertNotNull(image);
      assertTrue(image.getWidth() >= 500 && image.getHeight() >= 400);
      images++;
    }
    // run-new: scores, learning curve, 2 parity plots, calibration; run-metal: scores, reliability
    assertEquals(7, images);
    assertFalse(Pattern.compile("src=\"(?!data:)").matcher(html).find(), "no src outside data URIs");
    assertFalse(html.contains("<script") || html.contains("<link") || html.contains("@import") || html.contains("url("));
    Matcher links = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
    while (links.find()) {
      assertTrue(links.group(1).startsWith("https://"), "only citation links: " + links.group(1));
    }
  }

  @Test
  void theMarkdownHasTheTablesAndLinksEveryPng() {
    assertTrue(markdown.contains("| architecture | learner | folds | repeats | test rows | MAE (eV) | RMSE (eV) |"),
        markdown);
    Matcher m = Pattern.compile("!\\[[^]]*]\\(([^)]+)\\)").matcher(markdown);
    List<String> linked = new ArrayList<>();
    while (m.find()) {
      linked.add(m.group(1));
      assertTrue(Files.isRegularFile(dir.resolve(m.group(1))), m.group(1));
    }
    assertEquals(7, linked.size());
    assertEquals(2 + 7, written.size(), "report.html, report.md and the PNGs: " + written);
  }

  @Test
  void publishedFiguresAndLearningCurveAndProvenance() {
    assertTrue(markdown.contains("| Darwin | published | 0.2865 |"), markdown);
    assertTrue(markdown.contains("| latent_variable / forest | this run (all training rows) | 0.4000 ± 0.1000 |"));
    assertTrue(markdown.contains("DFT gaps of the source contexts, data the leaderboard entries did not use"));
    assertTrue(markdown.contains("### Learning curves"));
    assertTrue(markdown.contains("| target_only | forest | 5 | 5 | 3 | 0.9000 ± 0.0000 |"), markdown);
    assertTrue(markdown.contains("| duration | 12 min 05 s |"), markdown);
    assertTrue(markdown.contains("| input snapshot: lake.features.magpie | 222 |"), markdown);
    assertTrue(markdown.contains("| experimental source allowed: band_gap/experiment/borlido2019 | a sensitivity check,"
        + " not a benchmark |"), "the experiment's reason for a source the lineage rule refuses:\n" + markdown);
    assertEquals(1, markdown.split("### Against published figures", -1).length - 1, "none for the is_metal target");
  }

  @Test
  void everySourceTheRunUsedIsCited() {
    for (String citation : List.of(ResultRows.CITATION_EXPT, ResultRows.CITATION_MP, ResultRows.CITATION_MAGPIE)) {
      assertTrue(html.contains(citation), citation);
    }
    assertTrue(markdown.contains("| matbench_mp_gap | source (band_gap/pbe/matbench_mp_gap) |"), markdown);
    assertFalse(markdown.contains("could not be read"), markdown);
    assertTrue(markdown.contains("| magpie_elements | element table (features) |"), markdown);
    assertTrue(html.contains("<a href=\"https://github.com/owner/magpie_elements/tree/abc123\">"), "origin link");
    assertTrue(markdown.contains("| matbench_expt_is_metal | target (is_metal/experiment/matbench_expt_is_metal) |"
        + " (not in lake.curated.sources) |"), markdown);
  }
}
