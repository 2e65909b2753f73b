package org.transferlake.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.transferlake.config.SettingsException;
import org.transferlake.testing.ResultRows;
import org.transferlake.testing.TestPaths;
import org.transferlake.testing.TestSpark;
import org.transferlake.train.experiment.ExperimentCatalog;
import org.transferlake.train.experiment.ExperimentDefinition;

/** The report's statistics and readers that need no lake. */
class ReportStatisticsTest {
  @Test
  void normalQuantileAndWilsonInterval() {
    assertEquals(1.959963985, Intervals.normalQuantile(0.975), 1e-8);
    assertEquals(-2.326347874, Intervals.normalQuantile(0.01), 1e-8);
    assertEquals(0.0, Intervals.normalQuantile(0.5), 1e-12);
    // 40 of 50: the textbook Wilson 95% interval
    Intervals.Interval ci = Intervals.wilson(40, 50, 0.95);
    assertEquals(0.66960, ci.low(), 1e-4);
    assertEquals(0.88760, ci.high(), 1e-4);
  }

  @Test
  void sampleStandardDeviation() {
    Stat s = Stat.of(List.of(0.5, 0.6, 0.7));
    assertEquals(0.6, s.mean(), 1e-12);
    assertEquals(0.1, s.sd(), 1e-12);
    assertTrue(Double.isNaN(Stat.of(List.of(1.0)).sd()));
  }

  @Test
  void theRequestedSizeComesFromTheUnitId() {
    assertEquals(0, UnitMetrics.requestedSize("target_only|forest|trees=100|f0|n0|r0", 3683));
    assertEquals(500, UnitMetrics.requestedSize("target_only|forest|trees=100|f0|n500|r0", 500));
    assertEquals(42, UnitMetrics.requestedSize("odd", 42));
  }

  @Test
  void anExperimentParsesFromItsStoredText() throws IOException {
    File file = new File(TestPaths.project(), "conf/experiments/expt_gap_quick.conf");
    ExperimentDefinition fromFile = ExperimentCatalog.read(file);
    ExperimentDefinition fromText = ExperimentCatalog.parse(Files.readString(file.toPath()), "run x");
    assertEquals(fromFile.definitionSha256(), fromText.definitionSha256());
    assertEquals(fromFile.sources(), fromText.sources());
    assertEquals("band_gap/pbe/matbench_mp_gap", fromText.sources().get(0).id());
    SettingsException e = org.junit.jupiter.api.Assertions.assertThrows(SettingsException.class,
        () -> ExperimentCatalog.parse(ResultRows.DEFINITION.replace("features = magpie", "features = magpie\nbogus = 1"),
            "run y"));
    assertTrue(e.getMessage().startsWith("run y: bogus: unknown key"), e.getMessage());
  }

  @Test
  void publishedFiguresAreKeyedByTarget() throws IOException {
    PublishedFigures figures = PublishedFigures.load(new File(TestPaths.project(), "conf/report/published.conf"));
    PublishedFigures.Reference ref = figures.forTarget(ResultRows.TARGET);
    assertEquals("mae", ref.metric());
    assertEquals(List.of(0.4461, 0.3327, 0.3310, 0.2865), ref.entries().stream().map(PublishedFigures.Entry::value)
        .toList());
    assertTrue(ref.url().startsWith("https://matbench.materialsproject.org/"));
    File bad = new File(TestSpark.tempDir("published"), "published.conf");
    Files.writeString(bad.toPath(), "published = [ { target = x, metric = r2, title = t, url = u, citation = c,"
        + " entries = [] } ]");
    SettingsException e = org.junit.jupiter.api.Assertions.assertThrows(SettingsException.class,
        () -> PublishedFigures.load(bad));
    assertTrue(e.getMessage().contains("transferlake.report.published") && e.getMessage().contains("metric = r2"),
        e.getMessage());
  }

  @Test
  void aMixturesExactZerosAreSetApartInItsCalibration() {
    // a two-stage model: two actual zeros predicted 0 (covered by any σ), two above 0 missed by 0.3 and 1.0 with σ 0.5
    double[][] rows = {{0, 0, 0.5}, {0, 0, 0.1}, {1.0, 1.3, 0.5}, {2.0, 1.0, 0.5}};
    List<TestPrediction> p = new java.util.ArrayList<>();
    for (double[] r : rows) {
      p.add(new TestPrediction("u", "two_stage_difference", "forest", 0, 0, "f", 0, r[0], r[1], r[2], null, null, null,
          r[2]));
    }
    Summaries.Calibration c = Summaries.calibration(p).get(0);
    assertEquals(0.75, c.withinOneSigma(), 1e-12);
    assertEquals(0.5, c.withinOneSigmaNonZero(), 1e-12);
  }
}
