package org.transferlake.featurize;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * matminer's {@code ElementProperty.from_preset("magpie")}: 22 elemental properties times 6 statistics
 * over a composition, 132 features, in matminer's column order.
 */
public enum MagpiePreset {
  /** matminer's default {@code impute_nan=True}: missing properties take the property's mean. */
  MAGPIE("magpie", true),
  /** {@code impute_nan=False}: a statistic over an element that lacks the property is NaN. */
  MAGPIE_NO_IMPUTATION("magpie_no_imputation", false);

  /** The properties, in matminer's order; {@code NValence} is spelt {@code NValance} in Magpie's files. */
  public static final List<String> PROPERTIES = List.of(
      "Number", "MendeleevNumber", "AtomicWeight", "MeltingT", "Column", "Row", "CovalentRadius",
      "Electronegativity", "NsValence", "NpValence", "NdValence", "NfValence", "NValence", "NsUnfilled",
      "NpUnfilled", "NdUnfilled", "NfUnfilled", "NUnfilled", "GSvolume_pa", "GSbandgap", "GSmagmom",
      "SpaceGroupNumber");

  /** The statistics per property, in matminer's order; the featurizer writes them in this order. */
  public static final List<String> STATISTICS = List.of("minimum", "maximum", "range", "mean", "avg_dev", "mode");

  private final String presetName;
  private final boolean imputes;

  MagpiePreset(String presetName, boolean imputes) {
    this.presetName = presetName;
    this.imputes = imputes;
  }

  /** The preset's name in configs and lake table names. */
  public String presetName() {
    return presetName;
  }

  /** The preset called {@code name} in configs and lake table names, if there is one. */
  public static Optional<MagpiePreset> byName(String name) {
    for (MagpiePreset preset : values()) {
      if (preset.presetName.equals(name)) {
        return Optional.of(preset);
      }
    }
    return Optional.empty();
  }

  /** Whether missing properties take the property's mean. */
  boolean imputes() {
    return imputes;
  }

  /**
   * The lake columns of the statistics that only ever hold an element's value as the table has it
   * (minimum, maximum, mode): each takes at most one value per element.
   */
  public static List<String> elementValueColumns() {
    List<String> columns = new ArrayList<>();
    for (String property : PROPERTIES) {
      for (String statistic : List.of("minimum", "maximum", "mode")) {
        columns.add(LakeColumnNames.fromMatminer("MagpieData " + statistic + " " + property));
      }
    }
    return columns;
  }

  /** The lake column names of the features, in output order ({@code magpie_minimum_number}, ...). */
  public static String[] lakeFeatureNames() {
    return matminerFeatureNames().stream().map(LakeColumnNames::fromMatminer).toArray(String[]::new);
  }

  /** matminer's feature labels, such as {@code MagpieData minimum Number}, in output order. */
  public static List<String> matminerFeatureNames() {
    List<String> names = new ArrayList<>(PROPERTIES.size() * STATISTICS.size());
    for (String property : PROPERTIES) {
      for (String statistic : STATISTICS) {
        names.add("MagpieData " + statistic + " " + property);
      }
    }
    return names;
  }
}
