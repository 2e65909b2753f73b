package org.transferlake.featurize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.transferlake.composition.Composition;
import org.transferlake.composition.FormulaParser;
import org.transferlake.testing.TestSpark;

/** Combinations of presets ({@code a+b}): the columns of each part in order, on compositions worked by hand. */
class CombinedPresetTest {
  private static final ElementTable OLIYNYK = ElementTable.fromRows(DescriptorPreset.OLIYNYK.properties(),
      CatalogElementRows.read("oliynyk_elements"));
  private static final ElementTable MAGPIE = ElementTable.fromRows(MagpiePreset.PROPERTIES, MagpieElementRows.read());

  @Test
  void fractionsPlusOliynykAreTheFractionsThenOliynyksStatisticsWorkedByHand() {
    ElementTable table = ElementTable.sideBySide(List.of("oliynyk"), List.of(OLIYNYK));
    assertEquals(FeaturizerPresets.elementProperties("fractions+oliynyk"), table.properties());
    CompositionFeaturizer both = FeaturizerPresets.create("fractions+oliynyk", table);
    List<String> names = List.of(both.featureNames());
    assertEquals(118 + 220, names.size());
    assertEquals(names, FeaturizerPresets.featureNames("fractions+oliynyk"));
    assertEquals("frac_h", names.get(0));
    assertEquals("oliynyk_minimum_number", names.get(118));

    // NaCl: Na (Z = 11) and Cl (Z = 17), half each
    double[] x = features(both, "NaCl");
    assertEquals(0.5, x[names.indexOf("frac_na")]);
    assertEquals(0.5, x[names.indexOf("frac_cl")]);
    assertEquals(0.0, x[names.indexOf("frac_h")]);
    assertEquals(11.0, x[names.indexOf("oliynyk_minimum_number")]);
    assertEquals(17.0, x[names.indexOf("oliynyk_maximum_number")]);
    assertEquals(6.0, x[names.indexOf("oliynyk_range_number")]);
    assertEquals(14.0, x[names.indexOf("oliynyk_mean_number")]);
    assertEquals(3.0, x[names.indexOf("oliynyk_avg_dev_number")], "|11 - 14| / 2 + |17 - 14| / 2");
    // Fe2O3: Fe (26) 0.4, O (8) 0.6
    double[] fe2o3 = features(both, "Fe2O3");
    assertEquals(0.4 * 26 + 0.6 * 8, fe2o3[names.indexOf("oliynyk_mean_number")], 1e-12);
    assertEquals(0.4 * Math.abs(26 - 15.2) + 0.6 * Math.abs(8 - 15.2), fe2o3[names.indexOf("oliynyk_avg_dev_number")],
        1e-12);

    CompositionFeaturizer oliynyk = FeaturizerPresets.create("oliynyk", OLIYNYK);
    Composition nacl = FormulaParser.parse("NaCl");
    assertEquals(oliynyk.missingValues(nacl.atomicNumbers(), nacl.size()),
        both.missingValues(nacl.atomicNumbers(), nacl.size()), "fractions lack nothing: oliynyk's count");
    assertEquals("fractions-v1+" + oliynyk.version(), both.version());
  }

  @Test
  void eachPartWritesWhatItWritesAloneInTheOrderNamed() {
    String preset = "oliynyk+magpie";
    ElementTable table = ElementTable.sideBySide(List.of("oliynyk", "magpie"), List.of(OLIYNYK, MAGPIE));
    CompositionFeaturizer both = FeaturizerPresets.create(preset, table);
    CompositionFeaturizer oliynyk = FeaturizerPresets.create("oliynyk", OLIYNYK);
    CompositionFeaturizer magpie = FeaturizerPresets.create("magpie", MAGPIE);
    for (String formula : List.of("NaCl", "Fe2O3", "AtH", "Ne")) {
      double[] expected = new double[352];
      Composition c = FormulaParser.parse(formula);
      oliynyk.featurize(c, expected, 0);
      magpie.featurize(c, expected, 220);
      assertArrayEquals(expected, features(both, formula), formula);
      assertEquals(oliynyk.missingValues(c.atomicNumbers(), c.size()) + magpie.missingValues(c.atomicNumbers(),
          c.size()), both.missingValues(c.atomicNumbers(), c.size()), "imputed values of both parts: " + formula);
    }
    assertTrue(both.missingValues(FormulaParser.parse("AtH").atomicNumbers(), 2) > 0);
  }

  @Test
  void aColumnNameAnEarlierPartGaveIsPrefixedWithItsPart() {
    List<String> names = FeaturizerPresets.featureNames("magpie+magpie_no_imputation");
    assertEquals(264, names.size());
    assertEquals(264, new HashSet<>(names).size(), "no two columns share a name");
    assertEquals("magpie_minimum_number", names.get(0));
    assertEquals("magpie_no_imputation__magpie_minimum_number", names.get(132));
    assertEquals(2 * 66, FeaturizerPresets.fewValuedColumns("magpie+magpie_no_imputation").size());
    assertTrue(names.containsAll(FeaturizerPresets.fewValuedColumns("magpie+magpie_no_imputation")));
  }

  @Test
  void onlyDistinctKnownPresetsCombine() {
    assertTrue(FeaturizerPresets.isKnown("magpie+oliynyk+fractions"));
    assertEquals(List.of("magpie", "oliynyk"), FeaturizerPresets.parts("magpie+oliynyk"));
    assertEquals(List.of("fractions"), FeaturizerPresets.parts("fractions"));
    assertEquals(List.of("magpie", "oliynyk", "fractions"),
        FeaturizerPresets.tablesOf(List.of("magpie", "magpie+oliynyk", "fractions+oliynyk")));
    for (String bad : List.of("magpie+magpie", "magpie+", "+magpie", "magpie+olynyk", "magpie oliynyk")) {
      assertFalse(FeaturizerPresets.isKnown(bad), bad);
      String message = assertThrows(IllegalArgumentException.class, () -> FeaturizerPresets.featureNames(bad))
          .getMessage();
      assertTrue(message.startsWith("unknown featurizer preset '" + bad + "'"), message);
    }
    assertTrue(assertThrows(IllegalArgumentException.class, () -> FeaturizerPresets.parts("magpie+magpie"))
        .getMessage().contains("(a preset repeated)"));
    assertEquals("preset magpie+oliynyk is a combination, read from the tables of magpie, oliynyk: featurize those",
        assertThrows(IllegalArgumentException.class, () -> new FeaturizeJob(null, "magpie_elements", 1, 0, l -> { })
            .run("r", "magpie+oliynyk", null)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new FeatureTable(null, "magpie+oliynyk"),
        "a combination names no table");
  }

  @Test
  void theTransformerWritesACombinationsColumnsAndItsMissingCount() {
    String preset = "fractions+oliynyk";
    CompositionFeaturizerTransformer stage = new CompositionFeaturizerTransformer().setInputCol("formula")
        .setInputKind("formula").setPreset(preset).setOutputLayout("columns").setMissingCountCol("missing")
        .setElementTable(ElementTable.sideBySide(List.of("oliynyk"), List.of(OLIYNYK)));
    List<Row> rows = new ArrayList<>(List.of(RowFactory.create("NaCl"), RowFactory.create("AtH")));
    Row[] out = (Row[]) stage.transform(TestSpark.session().createDataFrame(rows, StructType.fromDDL(
        "formula STRING"))).collect();
    assertEquals(14.0, out[0].getDouble(out[0].fieldIndex("oliynyk_mean_number")));
    assertEquals(0.5, out[0].getDouble(out[0].fieldIndex("frac_cl")));
    CompositionFeaturizer oliynyk = FeaturizerPresets.create("oliynyk", OLIYNYK);
    Composition ath = FormulaParser.parse("AtH");
    assertEquals(oliynyk.missingValues(ath.atomicNumbers(), ath.size()), out[1].getInt(out[1].fieldIndex("missing")));
    assertEquals(1 + 338 + 1, out[0].size());
  }

  private static double[] features(CompositionFeaturizer featurizer, String formula) {
    double[] out = new double[featurizer.featureCount()];
    featurizer.featurize(FormulaParser.parse(formula), out, 0);
    return out;
  }
}
