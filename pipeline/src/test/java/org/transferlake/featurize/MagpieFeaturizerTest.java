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
  private static final int FIRST_FEATURE = MatminerReference.FIRST_FEATURE;

  private static List<ElementValue> magpieRows;
  private static MagpieFeaturizer imputed;
  private static MagpieFeaturizer notImputed;

  @BeforeAll
  static void readTables() {
    magpieRows = MagpieElementRows.read();
    imputed = MagpieFeaturizer.of(MagpiePreset.MAGPIE, magpieRows);
    notImputed = MagpieFeaturizer.of(MagpiePreset.MAGPIE_NO_IMPUTATION, magpieRows);
  }

  @TestFactory
  Stream<DynamicTest> matchesMatminerWithImputation() {
    SharedCsv reference = MatminerReference.read(MatminerReference.IMPUTED);
    assertEquals(153, reference.rows().size());
    return matchesMatminer(reference, imputed);
  }

  @TestFactory
  Stream<DynamicTest> matchesMatminerWithoutImputation() {
    SharedCsv reference = MatminerReference.read(MatminerReference.NOT_IMPUTED);
    assertTrue(reference.rows().stream().anyMatch(row -> Arrays.asList(row).contains("")), "has NaN cells");
    return matchesMatminer(reference, notImputed);
  }

  @Test
  void lakeNamesAreMatminersNamesInMatminersOrder() {
    SharedCsv reference = MatminerReference.read(MatminerReference.IMPUTED);
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
    assertEquals(imputed.version(), MagpieFeaturizer.of(MagpiePreset.MAGPIE, magpieRows).version());
    List<ElementValue> changed = new ArrayList<>(magpieRows);
    int i = changed.indexOf(new ElementValue("H", "MeltingT", 14.01));
    changed.set(i, new ElementValue("H", "MeltingT", 14.02));
    assertNotEquals(imputed.version(), MagpieFeaturizer.of(MagpiePreset.MAGPIE, changed).version());
  }

  @Test
  void missingValuesCountWhatTheElementsLackAndExplainEveryNaN() {
    SharedCsv reference = MatminerReference.read(MatminerReference.NOT_IMPUTED);
    int formula = reference.column("formula");
    for (String[] row : reference.rows()) {
      Composition c = FormulaParser.parse(row[formula]);
      if (c.size() == 1) {
        long emptyCells = Arrays.stream(row).skip(FIRST_FEATURE).filter(String::isEmpty).count();
        assertEquals(emptyCells / MagpiePreset.STATISTICS.size(), notImputed.missingValues(c.atomicNumbers(), 1),
            row[formula]);
      }
    }
    double[] out = new double[notImputed.featureCount()];
    for (String[] row : MatminerReference.read(MatminerReference.IMPUTED).rows()) {
      Composition c = FormulaParser.parse(row[formula]);
      notImputed.featurize(c, out, 0);
      boolean anyNaN = Arrays.stream(out).anyMatch(Double::isNaN);
      assertEquals(anyNaN, notImputed.missingValues(c.atomicNumbers(), c.size()) > 0, row[formula]);
      assertEquals(notImputed.missingValues(c.atomicNumbers(), c.size()), imputed.missingValues(c.atomicNumbers(),
          c.size()), "imputation changes the values, not what the table lacks");
    }
  }

  @Test
  void aTableOfOtherPropertiesIsRefused() {
    ElementTable other = ElementTable.fromRows(List.of("MeltingT", "Number"), magpieRows);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MagpieFeaturizer.of(MagpiePreset.MAGPIE, other));
    assertTrue(e.getMessage().contains("[MeltingT, Number]"), e.getMessage());
  }

  private static Stream<DynamicTest> matchesMatminer(SharedCsv reference, CompositionFeaturizer featurizer) {
    int formula = reference.column("formula");
    assertEquals(MagpiePreset.matminerFeatureNames(),
        reference.header().subList(FIRST_FEATURE, reference.header().size()));
    return reference.rows().stream().map(row -> DynamicTest.dynamicTest(row[formula], () -> {
      double[] out = new double[featurizer.featureCount()];
      featurizer.featurize(FormulaParser.parse(row[formula]), out, 0);
      List<String> wrong = MatminerReference.mismatches(reference, row, out);
      assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }));
  }
}
