package org.transferlake.featurize;

import java.util.List;
import java.util.Optional;
import org.transferlake.config.Settings;
import org.transferlake.config.SettingsException;

/**
 * The presets by name: {@code magpie}, {@code magpie_no_imputation}, {@code fractions}, {@code oliynyk} and
 * {@code mat2vec}. A preset names its lake table, {@code features.<preset>}, and fixes its feature columns.
 */
public final class FeaturizerPresets {
  public static final String FRACTIONS = "fractions";
  /** Every preset, in the order commands list them. */
  public static final List<String> NAMES = List.of(MagpiePreset.MAGPIE.presetName(),
      MagpiePreset.MAGPIE_NO_IMPUTATION.presetName(), FRACTIONS, DescriptorPreset.OLIYNYK.presetName(),
      DescriptorPreset.MAT2VEC.presetName());

  private FeaturizerPresets() {}

  /**
   * Checks {@code transferlake.featurize.presets}, before any work.
   *
   * @throws SettingsException naming the unknown preset and the known ones
   */
  public static void check(Settings settings) {
    for (String preset : settings.featurizePresets()) {
      if (!NAMES.contains(preset)) {
        throw new SettingsException("transferlake.featurize.presets = " + settings.featurizePresets()
            + ": unknown preset '" + preset + "'; expected some of " + NAMES);
      }
    }
  }

  /** @throws IllegalArgumentException naming the preset and the known ones, when it is unknown */
  public static void requireKnown(String preset) {
    if (!NAMES.contains(preset)) {
      throw new IllegalArgumentException("unknown featurizer preset '" + preset + "'; known presets: " + NAMES);
    }
  }

  /** The element properties the preset reads, in table order; empty when it reads no element table. */
  public static List<String> elementProperties(String preset) {
    requireKnown(preset);
    if (MagpiePreset.byName(preset).isPresent()) {
      return MagpiePreset.PROPERTIES;
    }
    return DescriptorPreset.byName(preset).map(DescriptorPreset::properties).orElse(List.of());
  }

  /**
   * The element-table source the preset reads: {@code magpieSource} for the Magpie presets (the setting
   * {@code transferlake.featurize.element-source}), the preset's own for the others; null for {@code fractions}
   * or a name that is no preset (as an old run may record).
   */
  public static String elementSource(String preset, String magpieSource) {
    if (MagpiePreset.byName(preset).isPresent()) {
      return magpieSource;
    }
    return DescriptorPreset.byName(preset).map(DescriptorPreset::elementSource).orElse(null);
  }

  /** The lake column name of each feature, in output order. */
  public static List<String> featureNames(String preset) {
    requireKnown(preset);
    if (MagpiePreset.byName(preset).isPresent()) {
      return List.of(MagpiePreset.lakeFeatureNames());
    }
    return DescriptorPreset.byName(preset).map(DescriptorPreset::featureNames)
        .orElseGet(() -> List.of(new FractionsFeaturizer().featureNames()));
  }

  /**
   * The feature columns with few distinct values (minimum, maximum and Magpie's mode take an element's value
   * as it is): dictionary encoding stores them compactly. The others are near-continuous, or mostly zeros
   * (fractions), where a dictionary costs more time than it saves space.
   */
  public static List<String> fewValuedColumns(String preset) {
    requireKnown(preset);
    if (MagpiePreset.byName(preset).isPresent()) {
      return MagpiePreset.elementValueColumns();
    }
    return DescriptorPreset.byName(preset).map(DescriptorPreset::elementValueColumns).orElse(List.of());
  }

  /**
   * The preset's featurizer.
   *
   * @param elementTable the raw table of {@link #elementProperties(String)}; ignored (may be null) when
   *     the preset reads none
   */
  public static CompositionFeaturizer create(String preset, ElementTable elementTable) {
    requireKnown(preset);
    if (preset.equals(FRACTIONS)) {
      return new FractionsFeaturizer();
    }
    if (elementTable == null) {
      List<String> properties = elementProperties(preset);
      throw new IllegalArgumentException("preset " + preset + " needs an element table of its "
          + properties.size() + " properties (" + properties.get(0) + ", ...)");
    }
    Optional<MagpiePreset> magpie = MagpiePreset.byName(preset);
    if (magpie.isPresent()) {
      return MagpieFeaturizer.of(magpie.get(), elementTable);
    }
    return ElementStatisticsFeaturizer.of(DescriptorPreset.byName(preset).orElseThrow(), elementTable);
  }
}
