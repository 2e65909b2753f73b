package org.transferlake.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.transferlake.config.SettingsException;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;
import org.transferlake.testing.TestPaths;
import org.transferlake.testing.TestSpark;

/** A derived quantity's scores, computed by hand from two runs' predictions. */
class DerivedQuantitiesTest {

  @Test
  void errorsThatMoveTogetherCancelInTheDifference() {
    Lake lake = TestSpark.freshLake();
    // Three compositions both runs tested, one only the first did. Errors: first +0.2, +0.4, -0.1 (and 9 on K9);
    // second +0.1, +0.5, -0.1. Another size (n5) must be ignored.
    List<Row> rows = new ArrayList<>();
    double[][] first = {{1.0, 1.2}, {2.0, 2.4}, {3.0, 2.9}, {4.0, 13.0}};
    double[][] second = {{0.5, 0.6}, {1.0, 1.5}, {2.0, 1.9}};
    for (int k = 0; k < first.length; k++) {
      rows.add(prediction("run-a", "ea", "n0", "K" + k, first[k][0], first[k][1]));
      rows.add(prediction("run-a", "ea", "n5", "K" + k, first[k][0], 100));
    }
    for (int k = 0; k < second.length; k++) {
      rows.add(prediction("run-b", "eb", "n0", "K" + k, second[k][0], second[k][1]));
    }
    lake.append(LakeTable.PREDICTIONS, lake.spark().createDataFrame(rows, lake.read(LakeTable.PREDICTIONS).schema()));

    List<DerivedQuantities.Score> scores = DerivedQuantities.score(lake, "run-a", "run-b");
    assertEquals(1, scores.size());
    DerivedQuantities.Score s = scores.get(0);
    assertEquals(3, s.compositions());
    assertEquals((0.2 + 0.4 + 0.1) / 3, s.maeFirst(), 1e-9);
    assertEquals((0.1 + 0.5 + 0.1) / 3, s.maeSecond(), 1e-9);
    assertEquals((0.1 + 0.1 + 0.0) / 3, s.maeDerived(), 1e-9);
    assertEquals(Math.sqrt((0.01 + 0.01) / 3), s.rmseDerived(), 1e-9);
    assertEquals(Math.sqrt((0.04 + 0.16 + 0.01) / 3 + (0.01 + 0.25 + 0.01) / 3), s.rmseIfIndependent(), 1e-9);
    assertTrue(s.errorCorrelation() > 0.9, "errors move together: " + s.errorCorrelation());
  }

  @Test
  void theSectionTabulatesEachModelAndChartsItsRmseAgainstIndependence() throws Exception {
    DerivedQuantities.Spec spec = new DerivedQuantities.Spec("hse_minus_gllb", "study3_hse06", "study3_gllb_sc", "eV");
    List<DerivedQuantities.Score> scores = List.of(
        new DerivedQuantities.Score("latent_variable", "forest", "trees=100", 807, 0.695, 0.667, 0.650, 0.887, 1.341,
            0.60),
        new DerivedQuantities.Score("target_only", "forest", "trees=100", 807, 0.823, 0.763, 0.775, 1.040, 1.512,
            Double.NaN));
    ReportPart built = DerivedQuantities.section(spec, "run-a", "run-b", scores);
    ReportDocument.Section section = built.sections().get(0);
    assertEquals("Derived quantity: hse_minus_gllb", section.heading());
    ReportDocument.Table table = (ReportDocument.Table) section.blocks().get(1);
    assertEquals(List.of("latent_variable", "forest", "trees=100", "807", "0.6950", "0.6670", "0.6500", "0.8870",
        "1.3410", "0.60"), table.rows().get(0));
    assertEquals("–", table.rows().get(1).get(9));
    assertEquals(1, built.figures().size());
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(built.figures().get(0).png()));
    assertEquals(760, png.getWidth());
    assertEquals("derived-hse_minus_gllb.png", built.figures().get(0).fileName());
    assertTrue(DerivedQuantities.section(spec, "run-a", "run-b", List.of()).figures().isEmpty());
  }

  @Test
  void theShippedFileReadsAndABadOneNamesTheKey() throws Exception {
    List<DerivedQuantities.Spec> shipped = DerivedQuantities.load(
        new File(TestPaths.project(), "conf/report/derived.conf").getPath());
    assertEquals("study3_hse06", shipped.get(0).first());
    assertEquals("study3_gllb_sc", shipped.get(0).second());
    assertTrue(DerivedQuantities.load("").isEmpty());
    File bad = Files.createTempFile("derived", ".conf").toFile();
    Files.writeString(bad.toPath(), "derived = [ { name = x, first = a } ]");
    SettingsException e = assertThrows(SettingsException.class, () -> DerivedQuantities.load(bad.getPath()));
    assertTrue(e.getMessage().startsWith("transferlake.report.derived = \"" + bad.getPath() + "\""), e.getMessage());
  }

  private static Row prediction(String run, String experiment, String size, String key, double actual, double mean) {
    String unit = "latent_variable|forest|trees=10|f0|" + size + "|r0";
    return RowFactory.create(run, experiment, unit, "latent_variable", "forest", "trees=10", 0, 10, 0, "src",
        "file.csv", 0L, key, actual, null, mean, 0.3, null, null, false, 0.3);
  }
}
