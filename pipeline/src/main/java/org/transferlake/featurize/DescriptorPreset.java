package org.transferlake.featurize;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The presets of fraction-weighted statistics over one of CrabNet's element tables, each read from its own
 * element-table source. Columns are {@code <preset>_<statistic>_<property>}, property by property, the
 * statistics in the preset's order. A missing value (an element the table lacks, or an empty cell) is the
 * property's mean over the elements that have it, as under {@code magpie}.
 */
public enum DescriptorPreset {
  /**
   * Oliynyk's 44 properties (CrabNet's {@code oliynyk.csv}, 85 elements) with the five statistics of CBFV and
   * Magpie but the mode: 220 features.
   */
  OLIYNYK("oliynyk", "oliynyk_elements", oliynykProperties(), List.of(ElementStatistic.MINIMUM,
      ElementStatistic.MAXIMUM, ElementStatistic.RANGE, ElementStatistic.MEAN, ElementStatistic.AVG_DEV)),
  /**
   * mat2vec's 200-dimensional element embedding (118 elements), its fraction-weighted mean only: 200 features.
   * The 118 embeddings are linearly independent, so the mean tells every composition apart; minimum, maximum,
   * range and deviation per dimension would make 1000 columns, five times a forest's work per split.
   */
  MAT2VEC("mat2vec", "mat2vec_elements", numbered("mat2vec_%03d", 200), List.of(ElementStatistic.MEAN));

  private final String presetName;
  private final String elementSource;
  private final List<String> properties;
  private final List<ElementStatistic> statistics;

  DescriptorPreset(String presetName, String elementSource, List<String> properties,
      List<ElementStatistic> statistics) {
    this.presetName = presetName;
    this.elementSource = elementSource;
    this.properties = properties;
    this.statistics = statistics;
  }

  /** The preset called {@code name} in configs and lake table names, if there is one. */
  public static Optional<DescriptorPreset> byName(String name) {
    for (DescriptorPreset preset : values()) {
      if (preset.presetName.equals(name)) {
        return Optional.of(preset);
      }
    }
    return Optional.empty();
  }

  /** The preset's name in configs and lake table names. */
  public String presetName() {
    return presetName;
  }

  /** The element-table source (conf/sources) the preset reads. */
  public String elementSource() {
    return elementSource;
  }

  /** The properties, as ingest names them in {@code curated.element_properties}, in column order. */
  public List<String> properties() {
    return properties;
  }

  /** The statistics per property, in column order. */
  public List<ElementStatistic> statistics() {
    return statistics;
  }

  /** The lake column names of the features, in output order ({@code oliynyk_minimum_number}, ...). */
  public List<String> featureNames() {
    List<String> names = new ArrayList<>(properties.size() * statistics.size());
    for (String property : properties) {
      for (ElementStatistic statistic : statistics) {
        names.add(columnName(statistic, property));
      }
    }
    return names;
  }

  /** The columns of the statistics that only ever hold an element's value (minimum, maximum). */
  public List<String> elementValueColumns() {
    List<String> names = new ArrayList<>();
    for (String property : properties) {
      for (ElementStatistic statistic : statistics) {
        if (statistic.isElementValue()) {
          names.add(columnName(statistic, property));
        }
      }
    }
    return names;
  }

  /**
   * {@code <preset>_<statistic>_<property>}, the property lower-cased with {@code _} for other characters and
   * without the preset's own prefix: {@code Miracle_Radius_[pm]} gives {@code oliynyk_mean_miracle_radius_pm},
   * {@code mat2vec_007} gives {@code mat2vec_mean_007}.
   */
  private String columnName(ElementStatistic statistic, String property) {
    String own = presetName + "_";
    String rest = property.startsWith(own) ? property.substring(own.length()) : property;
    return own + statistic.label() + "_" + LakeColumnNames.slug(rest);
  }

  private static List<String> numbered(String format, int count) {
    List<String> names = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      names.add(String.format(format, i));
    }
    return List.copyOf(names);
  }

  /** The columns of CrabNet's {@code oliynyk.csv} after {@code element}, as spelt there. */
  private static List<String> oliynykProperties() {
    return List.of("Number", "Atomic_Weight", "Period", "group", "families", "Metal", "Nonmetal", "Metalliod",
        "Mendeleev_Number", "l_quantum_number", "Atomic_Radius", "Miracle_Radius_[pm]", "Covalent_Radius",
        "Zunger_radii_sum", "ionic_radius", "crystal_radius", "Pauling_Electronegativity", "MB_electonegativity",
        "Gordy_electonegativity", "Mulliken_EN", "Allred-Rockow_electronegativity", "metallic_valence",
        "number_of_valence_electrons", "gilmor_number_of_valence_electron", "valence_s", "valence_p", "valence_d",
        "valence_f", "Number_of_unfilled_s_valence_electrons", "Number_of_unfilled_p_valence_electrons",
        "Number_of_unfilled_d_valence_electrons", "Number_of_unfilled_f_valence_electrons",
        "outer_shell_electrons", "1st_ionization_potential_(kJ/mol)", "polarizability(A^3)", "Melting_point_(K)",
        "Boiling_Point_(K)", "Density_(g/mL)", "specific_heat_(J/g_K)_", "heat_of_fusion_(kJ/mol)_",
        "heat_of_vaporization_(kJ/mol)_", "thermal_conductivity_(W/(m_K))_", "heat_atomization(kJ/mol)",
        "Cohesive_energy");
  }
}
