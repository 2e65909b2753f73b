package org.transferlake.featurize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.transferlake.composition.Composition;
import org.transferlake.composition.FormulaParser;
import org.transferlake.testing.SharedCsv;

class MagpieFeaturizerTest {
  /** Columns before the features in the reference files: group, formula, reduced_formula. */
  private static final int FIRST_FEATURE = 3;

  private static List<ElementValue> magpieRows;
  private static MagpieFeaturizer imputed;
  private static MagpieFeaturizer notImputed;

  @BeforeAll
  static void readTables() {
    magpieRows = MagpieElementRows.read();
    imputed = MagpiePreset.MAGPIE.featurizer(magpieRows);
    notImputed = MagpiePreset.MAGPIE_NO_IMPUTATION.featurizer(magpieRows);
  }

  @TestFactory
  Stream<DynamicTest> matchesMatminerWithImputation() {
    SharedCsv reference = SharedCsv.read("reference/magpie_features_sample.csv");
    assertEquals(153, reference.rows().size());
    return matchesMatminer(reference, imputed);
  }

  @TestFactory
  Stream<DynamicTest> matchesMatminerWithoutImputation() {
    SharedCsv reference = SharedCsv.read("reference/magpie_features_no_imputation.csv");
    assertTrue(reference.rows().stream().anyMatch(row -> Arrays.asList(row).contains("")), "has NaN cells");
    return matchesMatminer(reference, notImputed);
  }

  @Test
  void lakeNamesAreMatminersNamesInMatminersOrder() {
    SharedCsv reference = SharedCsv.read("reference/magpie_features_sample.csv");
    List<String> matminer = reference.header().subList(FIRST_FEATURE, reference.header().size());
    assertEquals(MagpiePreset.matminerFeatureNames(), matminer);
    String[] lake = imputed.featureNames();
    assertEquals(132, lake.length);
    assertEquals(132, imputed.featureCount());
    for (int i = 0; i < lake.length; i++) {
      assertEquals(LakeColumnNames.fromMatminer(matminer.get(i)), lake[i]);
    }
    assertEquals("magpie_minimum_number", lake[0]);
    assertEquals("magpie_mean_nvalence", lake[12 * 6 + 3]);
    assertEquals("magpie_minimum_gsvolume_pa", lake[18 * 6]);
    assertEquals("magpie_mode_spacegroupnumber", lake[131]);
  }

  @Test
  void modeIsTheSmallestValueAmongTheLargestFractions() {
    double[] out = new double[imputed.featureCount()];
    imputed.featurize(FormulaParser.parse("NaCl"), out, 0);
    assertEquals(11, out[5], "mode Number of NaCl: Na and Cl tie, Na (11) < Cl (17)");
    imputed.featurize(FormulaParser.parse("NaCl2"), out, 0);
    assertEquals(17, out[5]);
  }

  @Test
  void theArrayVariantWritesOnlyItsSliceAndAgreesWithTheCompositionVariant() {
    Composition c = FormulaParser.parse("Li2MnNi3O8");
    double[] expected = new double[imputed.featureCount()];
    imputed.featurize(c, expected, 0);
    int offset = 7;
    double[] out = new double[offset + expected.length + 5];
    Arrays.fill(out, -42);
    imputed.featurize(c.atomicNumbers(), c.fractions(), c.size(), out, offset);
    assertArrayEquals(expected, Arrays.copyOfRange(out, offset, offset + expected.length));
    for (int i = 0; i < out.length; i++) {
      if (i < offset || i >= offset + expected.length) {
        assertEquals(-42, out[i]);
      }
    }
  }

  @Test
  void anEmptyCompositionIsRefused() {
    double[] out = new double[imputed.featureCount()];
    assertThrows(IllegalArgumentException.class, () -> imputed.featurize(new int[0], new double[0], 0, out, 0));
  }

  @Test
  void survivesSerializationWithTheSameResults() throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(imputed);
    }
    CompositionFeaturizer copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (CompositionFeaturizer) in.readObject();
    }
    Composition c = FormulaParser.parse("Hg0.7Cd0.3Te");
    double[] expected = new double[imputed.featureCount()];
    double[] actual = new double[copy.featureCount()];
    imputed.featurize(c, expected, 0);
    copy.featurize(c, actual, 0);
    assertArrayEquals(expected, actual);
    assertEquals(imputed.version(), copy.version());
    assertEquals("magpie", copy.preset());
  }

  @Test
  void versionChangesWithThePresetAndWithTheTable() {
    assertTrue(imputed.version().startsWith("magpie-v"));
    assertTrue(notImputed.version().startsWith("magpie_no_imputation-v"));
    assertEquals(imputed.version(), MagpiePreset.MAGPIE.featurizer(magpieRows).version());
    List<ElementValue> changed = new ArrayList<>(magpieRows);
    int i = changed.indexOf(new ElementValue("H", "MeltingT", 14.01));
    changed.set(i, new ElementValue("H", "MeltingT", 14.02));
    assertNotEquals(imputed.version(), MagpiePreset.MAGPIE.featurizer(changed).version());
  }

  private static Stream<DynamicTest> matchesMatminer(SharedCsv reference, CompositionFeaturizer featurizer) {
    int formula = reference.column("formula");
    assertEquals(MagpiePreset.matminerFeatureNames(),
        reference.header().subList(FIRST_FEATURE, reference.header().size()));
    return reference.rows().stream().map(row -> DynamicTest.dynamicTest(row[formula], () -> {
      double[] out = new double[featurizer.featureCount()];
      featurizer.featurize(FormulaParser.parse(row[formula]), out, 0);
      List<String> wrong = new ArrayList<>();
      for (int i = 0; i < out.length; i++) {
        String cell = row[FIRST_FEATURE + i];
        double expected = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
        if (!close(expected, out[i])) {
          wrong.add(reference.header().get(FIRST_FEATURE + i) + ": expected " + cell + ", got " + out[i]);
        }
      }
      assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }));
  }

  /** The tolerance the reference files are published with; NaN only matches NaN. */
  private static boolean close(double expected, double actual) {
    if (Double.isNaN(expected) || Double.isNaN(actual)) {
      return Double.isNaN(expected) && Double.isNaN(actual);
    }
    return Math.abs(expected - actual) <= 1e-6 * Math.max(Math.abs(expected), Math.abs(actual)) + 1e-9;
  }
}
