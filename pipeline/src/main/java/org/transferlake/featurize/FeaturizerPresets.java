package org.transferlake.featurize;

import java.util.List;
import java.util.Optional;
import org.transferlake.config.Settings;
import org.transferlake.config.SettingsException;

/**
 * The presets by name: {@code magpie}, {@code magpie_no_imputation} and {@code fractions}. A preset names
 * its lake table, {@code features.<preset>}, and fixes its feature columns.
 */
public final class FeaturizerPresets {
  public static final String FRACTIONS = "fractions";
  /** Every preset, in the order commands list them. */
  public static final List<String> NAMES =
      List.of(MagpiePreset.MAGPIE.presetName(), MagpiePreset.MAGPIE_NO_IMPUTATION.presetName(), FRACTIONS);

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
    return MagpiePreset.byName(preset).isPresent() ? MagpiePreset.PROPERTIES : List.of();
  }

  /** The lake column name of each feature, in output order. */
  public static List<String> featureNames(String preset) {
    requireKnown(preset);
    return List.of(MagpiePreset.byName(preset).isPresent()
        ? MagpiePreset.lakeFeatureNames() : new FractionsFeaturizer().featureNames());
  }

  /**
   * The feature columns with few distinct values (Magpie's minimum, maximum and mode take an element's
   * value as it is): dictionary encoding stores them compactly. The others are near-continuous, or mostly
   * zeros (fractions), where a dictionary costs more time than it saves space.
   */
  public static List<String> fewValuedColumns(String preset) {
    requireKnown(preset);
    return MagpiePreset.byName(preset).isPresent() ? MagpiePreset.elementValueColumns() : List.of();
  }

  /**
   * The preset's featurizer.
   *
   * @param elementTable the raw table of {@link #elementProperties(String)}; ignored (may be null) when
   *     the preset reads none
   */
  public static CompositionFeaturizer create(String preset, ElementTable elementTable) {
    requireKnown(preset);
    Optional<MagpiePreset> magpie = MagpiePreset.byName(preset);
    if (magpie.isEmpty()) {
      return new FractionsFeaturizer();
    }
    if (elementTable == null) {
      throw new IllegalArgumentException("preset " + preset + " needs an element table of " + MagpiePreset.PROPERTIES);
    }
    return MagpieFeaturizer.of(magpie.get(), elementTable);
  }
}
