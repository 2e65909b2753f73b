package org.transferlake.featurize;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.transferlake.config.Settings;
import org.transferlake.config.SettingsException;

/**
 * The presets by name: {@code magpie}, {@code magpie_no_imputation}, {@code fractions}, {@code oliynyk} and
 * {@code mat2vec}. A preset names its lake table, {@code features.<preset>}, and fixes its feature columns. Two or
 * more presets joined by {@code +} ({@code magpie+oliynyk}) are a combination: the columns of each part in that
 * order, read from the parts' tables; a combination has no table of its own.
 */
public final class FeaturizerPresets {
  public static final String FRACTIONS = "fractions";
  /** Every preset, in the order commands list them. */
  public static final List<String> NAMES = List.of(MagpiePreset.MAGPIE.presetName(),
      MagpiePreset.MAGPIE_NO_IMPUTATION.presetName(), FRACTIONS, DescriptorPreset.OLIYNYK.presetName(),
      DescriptorPreset.MAT2VEC.presetName());
  /** What a preset may be, for messages. */
  public static final String KNOWN = "one of " + NAMES + ", or two or more of them joined by +"
      + " (\"magpie+oliynyk\")";

  private FeaturizerPresets() {}

  /**
   * Checks {@code transferlake.featurize.presets}, before any work.
   *
   * @throws SettingsException naming the unknown preset and the known ones
   */
  public static void check(Settings settings) {
    for (String preset : settings.featurizePresets()) {
      if (!isKnown(preset)) {
        throw new SettingsException("transferlake.featurize.presets = " + settings.featurizePresets()
            + ": unknown preset '" + preset + "'; expected some of " + NAMES
            + (PresetCombination.isCombination(preset) ? " (a combination names two or more distinct ones)" : ""));
      }
    }
  }

  /** Whether {@code preset} is a preset, or a combination of two or more distinct presets. */
  public static boolean isKnown(String preset) {
    if (preset == null) {
      return false;
    }
    List<String> parts = PresetCombination.parts(preset);
    return NAMES.containsAll(parts) && new LinkedHashSet<>(parts).size() == parts.size();
  }

  /** @throws IllegalArgumentException naming the preset and the known ones, when it is unknown */
  public static void requireKnown(String preset) {
    if (!NAMES.contains(preset) && !isKnown(preset)) {
      String why = preset != null && PresetCombination.isCombination(preset)
          && PresetCombination.parts(preset).stream().allMatch(NAMES::contains) ? " (a preset repeated)" : "";
      throw new IllegalArgumentException("unknown featurizer preset '" + preset + "'" + why + "; known presets: "
          + NAMES + (preset != null && PresetCombination.isCombination(preset)
          ? ", or two or more of them joined by +" : ""));
    }
  }

  /** The presets whose tables {@code preset} reads: its parts, or itself. */
  public static List<String> parts(String preset) {
    requireKnown(preset);
    return PresetCombination.parts(preset);
  }

  /** The tables the given presets read, each once, in order of first use: what featurize must write for them. */
  public static List<String> tablesOf(List<String> presets) {
    LinkedHashSet<String> tables = new LinkedHashSet<>();
    presets.forEach(p -> tables.addAll(parts(p)));
    return List.copyOf(tables);
  }

  /**
   * The element properties the preset reads, in table order; empty when it reads no element table. For a
   * combination, each part's qualified as {@code <part>:<property>}, part by part.
   */
  public static List<String> elementProperties(String preset) {
    requireKnown(preset);
    if (PresetCombination.isCombination(preset)) {
      List<String> out = new ArrayList<>();
      for (String part : PresetCombination.parts(preset)) {
        elementProperties(part).forEach(p -> out.add(PresetCombination.qualified(part, p)));
      }
      return out;
    }
    if (MagpiePreset.byName(preset).isPresent()) {
      return MagpiePreset.PROPERTIES;
    }
    return DescriptorPreset.byName(preset).map(DescriptorPreset::properties).orElse(List.of());
  }

  /**
   * The element-table source the preset reads: {@code magpieSource} for the Magpie presets (the setting
   * {@code transferlake.featurize.element-source}), the preset's own for the others; null for {@code fractions},
   * a combination (see {@link LakeElementTable#forPreset}) or a name that is no preset (as an old run may record).
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
    if (PresetCombination.isCombination(preset)) {
      return combined(preset, FeaturizerPresets::featureNames);
    }
    if (MagpiePreset.byName(preset).isPresent()) {
      return List.of(MagpiePreset.lakeFeatureNames());
    }
    return DescriptorPreset.byName(preset).map(DescriptorPreset::featureNames)
        .orElseGet(() -> List.of(new FractionsFeaturizer().featureNames()));
  }

  /**
   * A combination's columns from its parts' own: {@code columns} gives a part's, in its table's order; the result
   * is every part's in turn, named as {@link PresetCombination} says.
   */
  public static List<String> combinedColumns(String preset, List<List<String>> columns) {
    List<String> out = new ArrayList<>();
    PresetCombination.renamed(parts(preset), columns).forEach(names -> out.addAll(names.values()));
    return out;
  }

  private static List<String> combined(String preset, java.util.function.Function<String, List<String>> columns) {
    return combinedColumns(preset, PresetCombination.parts(preset).stream().map(columns).toList());
  }

  /**
   * The feature columns with few distinct values (minimum, maximum and Magpie's mode take an element's value
   * as it is): dictionary encoding stores them compactly. The others are near-continuous, or mostly zeros
   * (fractions), where a dictionary costs more time than it saves space.
   */
  public static List<String> fewValuedColumns(String preset) {
    requireKnown(preset);
    if (PresetCombination.isCombination(preset)) {
      List<String> parts = PresetCombination.parts(preset);
      List<Map<String, String>> names = PresetCombination.renamed(parts,
          parts.stream().map(FeaturizerPresets::featureNames).toList());
      List<String> out = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        Map<String, String> renamed = names.get(i);
        fewValuedColumns(parts.get(i)).forEach(c -> out.add(renamed.get(c)));
      }
      return out;
    }
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
    if (PresetCombination.isCombination(preset)) {
      return createCombination(preset, elementTable);
    }
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

  /** Each part over its own columns of the combination's table, renamed back to the part's property names. */
  private static CompositionFeaturizer createCombination(String preset, ElementTable elementTable) {
    List<CompositionFeaturizer> parts = new ArrayList<>();
    for (String part : PresetCombination.parts(preset)) {
      List<String> own = elementProperties(part);
      ElementTable slice = null;
      if (!own.isEmpty()) {
        if (elementTable == null) {
          throw new IllegalArgumentException("preset " + preset + " needs an element table of "
              + elementProperties(preset).size() + " properties (" + elementProperties(preset).get(0) + ", ...)");
        }
        slice = elementTable.columns(own.stream().map(p -> PresetCombination.qualified(part, p)).toList(), own);
      }
      parts.add(create(part, slice));
    }
    return new CombinedFeaturizer(preset, parts, featureNames(preset));
  }
}
