package org.transferlake.featurize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.transferlake.composition.Composition;
import org.transferlake.composition.FormulaParser;

/**
 * The oliynyk and mat2vec presets on CrabNet's real tables, read from the mirror by ingest's parser. The
 * expected numbers are worked out by hand from the rows of oliynyk.csv and mat2vec.csv quoted in each test.
 */
class ElementStatisticsFeaturizerTest {
  private static final double EPS = 1e-12;
  /** Mean of oliynyk.csv's 75 non-empty Miracle_Radius_[pm] cells: 11470 / 75. */
  private static final double MIRACLE_RADIUS_MEAN = 11470.0 / 75;

  private static ElementTable oliynykTable;
  private static CompositionFeaturizer oliynyk;
  private static CompositionFeaturizer mat2vec;

  @BeforeAll
  static void readTables() {
    oliynykTable = ElementTable.fromRows(DescriptorPreset.OLIYNYK.properties(),
        CatalogElementRows.read("oliynyk_elements"));
    oliynyk = FeaturizerPresets.create("oliynyk", oliynykTable);
    mat2vec = FeaturizerPresets.create("mat2vec", ElementTable.fromRows(DescriptorPreset.MAT2VEC.properties(),
        CatalogElementRows.read("mat2vec_elements")));
  }

  @Test
  void sodiumChlorideFromTheOliynykRowsOfNaAndCl() {
    // Na: Number 11, Pauling 0.93, Miracle radius 180 pm; Cl: Number 17, Pauling 3.16, no Miracle radius
    Map<String, Double> f = features(oliynyk, "NaCl");
    assertStatistics(f, "oliynyk", "number", 11, 17, 6, 14, 3);
    assertStatistics(f, "oliynyk", "pauling_electronegativity", 0.93, 3.16, 2.23, 2.045, 1.115);
    // Cl's missing radius is the mean over the elements that have one
    assertStatistics(f, "oliynyk", "miracle_radius_pm", MIRACLE_RADIUS_MEAN, 180, 180 - MIRACLE_RADIUS_MEAN,
        (180 + MIRACLE_RADIUS_MEAN) / 2, (180 - MIRACLE_RADIUS_MEAN) / 2);
    assertEquals(1, missing(oliynyk, "NaCl"), "Cl lacks the Miracle radius, Na lacks nothing");
  }

  @Test
  void ironOxideWeighsByAtomicFraction() {
    // Fe 0.4: Number 26, density 7.86 g/mL; O 0.6: Number 8, density 0.00143 g/mL
    Map<String, Double> f = features(oliynyk, "Fe2O3");
    assertStatistics(f, "oliynyk", "number", 8, 26, 18, 0.4 * 26 + 0.6 * 8, 0.4 * 10.8 + 0.6 * 7.2);
    assertStatistics(f, "oliynyk", "density_g_ml", 0.00143, 7.86, 7.86 - 0.00143, 3.144858, 2 * 0.4 * 0.6 * 7.85857);
    assertEquals(0, missing(oliynyk, "Fe2O3"));
  }

  @Test
  void anElementTheTableLacksTakesEveryPropertysMean() {
    // Po is not among oliynyk.csv's 85 elements; the mean atomic number of those 85 is 3668 / 85
    Map<String, Double> po = features(oliynyk, "Po");
    assertStatistics(po, "oliynyk", "number", 3668.0 / 85, 3668.0 / 85, 0, 3668.0 / 85, 0);
    assertEquals(44, missing(oliynyk, "Po"));
    assertEquals(45, missing(oliynyk, "PoCl2"));
    Map<String, Double> poCl = features(oliynyk, "PoCl2");
    assertEquals(17.0 * 2 / 3 + 3668.0 / 85 / 3, poCl.get("oliynyk_mean_number"), EPS);
    assertTrue(po.values().stream().noneMatch(v -> Double.isNaN(v)), "nothing is NaN: every property has values");
  }

  @Test
  void mat2vecIsTheFractionWeightedMeanOfTheEmbeddings() {
    // dimensions 0 and 199 of mat2vec.csv
    double na0 = 0.013594448566436768;
    double cl0 = -0.09638690203428268;
    double na199 = 0.025429485365748405;
    double cl199 = 0.001806940883398056;
    Map<String, Double> nacl = features(mat2vec, "NaCl");
    assertEquals((na0 + cl0) / 2, nacl.get("mat2vec_mean_000"), EPS);
    assertEquals((na199 + cl199) / 2, nacl.get("mat2vec_mean_199"), EPS);
    Map<String, Double> fe2o3 = features(mat2vec, "Fe2O3");
    assertEquals(0.4 * -0.026419024914503098 + 0.6 * -0.010822429321706295, fe2o3.get("mat2vec_mean_000"), EPS);
    assertEquals(0, missing(mat2vec, "OgTs"), "the embedding covers all 118 elements");
  }

  @Test
  void namesAndCounts() {
    List<String> names = FeaturizerPresets.featureNames("oliynyk");
    assertEquals(44 * 5, names.size());
    assertEquals(List.of("oliynyk_minimum_number", "oliynyk_maximum_number", "oliynyk_range_number",
        "oliynyk_mean_number", "oliynyk_avg_dev_number"), names.subList(0, 5));
    assertTrue(names.contains("oliynyk_avg_dev_1st_ionization_potential_kj_mol"), names.toString());
    assertTrue(names.contains("oliynyk_maximum_thermal_conductivity_w_m_k"), names.toString());
    assertEquals(names.size(), new HashSet<>(names).size(), "distinct");
    assertTrue(names.stream().allMatch(n -> n.matches("[a-z][a-z0-9_]*[a-z0-9]")), names.toString());
    assertArrayEquals(names.toArray(String[]::new), oliynyk.featureNames());
    assertEquals(44 * 2, FeaturizerPresets.fewValuedColumns("oliynyk").size());

    List<String> vectors = FeaturizerPresets.featureNames("mat2vec");
    assertEquals(200, vectors.size());
    assertEquals("mat2vec_mean_000", vectors.get(0));
    assertEquals("mat2vec_mean_199", vectors.get(199));
    assertEquals(200, mat2vec.featureCount());
    assertEquals(List.of(), FeaturizerPresets.fewValuedColumns("mat2vec"));
  }

  @Test
  void theVersionFollowsTheTableAndAWrongTableIsRefused() {
    assertTrue(oliynyk.version().startsWith("oliynyk-v1-"), oliynyk.version());
    List<ElementValue> changed = new ArrayList<>(CatalogElementRows.read("oliynyk_elements"));
    changed.replaceAll(v -> v.element().equals("H") && v.property().equals("Number")
        ? new ElementValue("H", "Number", 1.5) : v);
    assertNotEquals(oliynyk.version(), FeaturizerPresets.create("oliynyk",
        ElementTable.fromRows(DescriptorPreset.OLIYNYK.properties(), changed)).version());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FeaturizerPresets.create("mat2vec", oliynykTable));
    assertTrue(e.getMessage().startsWith("preset mat2vec needs an element table of its 200 properties"),
        e.getMessage());
  }

  private static void assertStatistics(Map<String, Double> features, String preset, String property, double min,
      double max, double range, double mean, double avgDev) {
    String p = "_" + property;
    assertEquals(min, features.get(preset + "_minimum" + p), EPS, "minimum" + p);
    assertEquals(max, features.get(preset + "_maximum" + p), EPS, "maximum" + p);
    assertEquals(range, features.get(preset + "_range" + p), EPS, "range" + p);
    assertEquals(mean, features.get(preset + "_mean" + p), EPS, "mean" + p);
    assertEquals(avgDev, features.get(preset + "_avg_dev" + p), EPS, "avg_dev" + p);
  }

  private static Map<String, Double> features(CompositionFeaturizer featurizer, String formula) {
    double[] out = new double[featurizer.featureCount()];
    featurizer.featurize(FormulaParser.parse(formula), out, 0);
    String[] names = featurizer.featureNames();
    Map<String, Double> byName = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      byName.put(names[i], out[i]);
    }
    return byName;
  }

  private static int missing(CompositionFeaturizer featurizer, String formula) {
    Composition c = FormulaParser.parse(formula);
    return featurizer.missingValues(c.atomicNumbers(), c.size());
  }
}
