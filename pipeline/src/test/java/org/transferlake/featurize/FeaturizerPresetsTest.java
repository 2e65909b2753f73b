package org.transferlake.featurize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.transferlake.config.SettingsException;
import org.transferlake.config.SettingsLoader;

class FeaturizerPresetsTest {
  private static final ElementTable MAGPIE_TABLE =
      ElementTable.fromRows(MagpiePreset.PROPERTIES, MagpieElementRows.read());

  @Test
  void fivePresetsWithTheirColumns() {
    assertEquals(List.of("magpie", "magpie_no_imputation", "fractions", "oliynyk", "mat2vec"),
        FeaturizerPresets.NAMES);
    for (String preset : FeaturizerPresets.NAMES) {
      ElementTable table = DescriptorPreset.byName(preset)
          .map(d -> ElementTable.fromRows(d.properties(), CatalogElementRows.read(d.elementSource())))
          .orElse(MAGPIE_TABLE);
      CompositionFeaturizer featurizer = FeaturizerPresets.create(preset, table);
      assertEquals(preset, featurizer.preset());
      assertArrayEquals(featurizer.featureNames(), FeaturizerPresets.featureNames(preset).toArray(String[]::new));
    }
    assertEquals(132, FeaturizerPresets.featureNames("magpie_no_imputation").size());
    assertEquals(118, FeaturizerPresets.featureNames("fractions").size());
    assertEquals(MagpiePreset.PROPERTIES, FeaturizerPresets.elementProperties("magpie"));
    assertEquals(List.of(), FeaturizerPresets.elementProperties("fractions"));
    assertEquals(44, FeaturizerPresets.elementProperties("oliynyk").size());
    assertEquals("mat2vec_199", FeaturizerPresets.elementProperties("mat2vec").get(199));
  }

  @Test
  void eachElementTablePresetReadsItsSource() {
    assertEquals("my_magpie", FeaturizerPresets.elementSource("magpie", "my_magpie"));
    assertEquals("my_magpie", FeaturizerPresets.elementSource("magpie_no_imputation", "my_magpie"));
    assertEquals("oliynyk_elements", FeaturizerPresets.elementSource("oliynyk", "my_magpie"));
    assertEquals("mat2vec_elements", FeaturizerPresets.elementSource("mat2vec", "my_magpie"));
    assertNull(FeaturizerPresets.elementSource("fractions", "my_magpie"));
    assertNull(FeaturizerPresets.elementSource("no_such_preset", "my_magpie"));
  }

  @Test
  void onlyMagpiesElementValueStatisticsAreFewValued() {
    List<String> few = FeaturizerPresets.fewValuedColumns("magpie");
    assertEquals(22 * 3, few.size());
    assertTrue(FeaturizerPresets.featureNames("magpie").containsAll(few));
    assertTrue(few.stream().allMatch(c -> c.matches("magpie_(minimum|maximum|mode)_.*")), few.toString());
    assertEquals(few, FeaturizerPresets.fewValuedColumns("magpie_no_imputation"));
    assertEquals(List.of(), FeaturizerPresets.fewValuedColumns("fractions"));
  }

  @Test
  void fractionsNeedNoElementTableAndMagpieDoes() {
    assertEquals("fractions", FeaturizerPresets.create("fractions", null).preset());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FeaturizerPresets.create("magpie", null));
    assertTrue(e.getMessage().contains("magpie"), e.getMessage());
    assertEquals("preset oliynyk needs an element table of its 44 properties (Number, ...)",
        assertThrows(IllegalArgumentException.class, () -> FeaturizerPresets.create("oliynyk", null)).getMessage());
  }

  @Test
  void unknownPresetsAreNamedWithTheKnownOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FeaturizerPresets.featureNames("magpi"));
    assertEquals("unknown featurizer preset 'magpi'; known presets: [magpie, magpie_no_imputation, fractions,"
        + " oliynyk, mat2vec]", e.getMessage());
  }

  @Test
  void settingsWithAnUnknownPresetAreRefused() {
    FeaturizerPresets.check(new SettingsLoader().withoutSystemProperties()
        .set("transferlake.featurize.presets", "[fractions, magpie_no_imputation, oliynyk, mat2vec]").load());
    assertEquals("transferlake.featurize.presets = [magpie, magpi]: unknown preset 'magpi'; expected some of"
        + " [magpie, magpie_no_imputation, fractions, oliynyk, mat2vec]", assertThrows(SettingsException.class,
            () -> FeaturizerPresets.check(new SettingsLoader().withoutSystemProperties()
                .set("transferlake.featurize.presets", "[magpie, magpi]").load())).getMessage());
  }
}
