package org.transferlake.featurize;

import java.util.List;

/**
 * The features of a {@link DescriptorPreset}: for each property of its element table, its statistics over the
 * elements of a composition (see {@link ElementStatistic}). The table is imputed first, as under
 * {@code magpie}: an element's missing property, or every property of an element the table lacks, is the
 * property's mean over the elements that have it.
 */
public final class ElementStatisticsFeaturizer implements CompositionFeaturizer {
  private static final long serialVersionUID = 1L;
  /** Bump whenever the statistics change, so that features computed before are recomputed. */
  private static final int KERNEL_VERSION = 1;

  private final DescriptorPreset preset;
  private final ElementTable table;
  private final ElementStatistic[] statistics;
  private final boolean needsDeviation;
  /** Per atomic number, how many of the preset's properties the element lacks in the raw table. */
  private final int[] missingByElement;
  private final String version;

  /**
   * The featurizer over {@code raw}, a table of exactly the preset's properties in their order, before
   * imputation.
   *
   * @throws IllegalArgumentException when the table holds other properties
   */
  public static ElementStatisticsFeaturizer of(DescriptorPreset preset, ElementTable raw) {
    if (!raw.properties().equals(preset.properties())) {
      throw new IllegalArgumentException("preset " + preset.presetName() + " needs an element table of its "
          + preset.properties().size() + " properties " + abbreviated(preset.properties()) + " in that order, not "
          + abbreviated(raw.properties()));
    }
    return new ElementStatisticsFeaturizer(preset, raw);
  }

  private ElementStatisticsFeaturizer(DescriptorPreset preset, ElementTable raw) {
    this.preset = preset;
    this.table = raw.imputedWithPropertyMeans();
    this.statistics = preset.statistics().toArray(new ElementStatistic[0]);
    this.needsDeviation = preset.statistics().contains(ElementStatistic.AVG_DEV);
    this.missingByElement = raw.missingPerElement();
    this.version = preset.presetName() + "-v" + KERNEL_VERSION + "-" + table.fingerprint();
  }

  @Override
  public String preset() {
    return preset.presetName();
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public String[] featureNames() {
    return preset.featureNames().toArray(new String[0]);
  }

  @Override
  public int featureCount() {
    return table.propertyCount() * statistics.length;
  }

  @Override
  public int missingValues(int[] atomicNumbers, int n) {
    int missing = 0;
    for (int i = 0; i < n; i++) {
      missing += missingByElement[atomicNumbers[i]];
    }
    return missing;
  }

  @Override
  public void featurize(int[] atomicNumbers, double[] fractions, int n, double[] out, int offset) {
    if (n < 1) {
      throw new IllegalArgumentException("a composition has at least one element");
    }
    for (int p = 0, at = offset; p < table.propertyCount(); p++, at += statistics.length) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      double mean = 0;
      for (int i = 0; i < n; i++) {
        double x = table.value(atomicNumbers[i], p);
        min = Math.min(min, x);
        max = Math.max(max, x);
        mean += fractions[i] * x;
      }
      double avgDev = 0;
      if (needsDeviation) {
        for (int i = 0; i < n; i++) {
          avgDev += fractions[i] * Math.abs(table.value(atomicNumbers[i], p) - mean);
        }
      }
      for (int s = 0; s < statistics.length; s++) {
        out[at + s] = switch (statistics[s]) {
          case MINIMUM -> min;
          case MAXIMUM -> max;
          case RANGE -> max - min;
          case MEAN -> mean;
          case AVG_DEV -> avgDev;
        };
      }
    }
  }

  private static String abbreviated(List<String> properties) {
    return properties.size() <= 6 ? properties.toString()
        : "[" + String.join(", ", properties.subList(0, 3)) + ", ..., " + properties.get(properties.size() - 1) + "]";
  }
}
