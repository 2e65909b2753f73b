package org.transferlake.featurize;


/**
 * Magpie features: for each elemental property, six statistics over the elements of a composition,
 * weighted by atomic fraction as matminer's {@code PropertyStats} computes them.
 *
 * <ul>
 *   <li>minimum, maximum, range: over the elements present, whatever their fractions;
 *   <li>mean = Σ f·x; avg_dev = Σ f·|x − mean|;
 *   <li>mode: the value of the element with the largest fraction; among elements tied for it, the
 *       smallest value (matminer: {@code min(data[isclose(weights, max(weights))])}). Ties here are
 *       exact: fractions of exact compositions are equal exactly when the amounts are.
 * </ul>
 *
 * A missing value (NaN) makes every statistic it enters NaN, the mode included when it is among the
 * tied values: this is what matminer gives without imputation for FrCl and AtH.
 */
public final class MagpieFeaturizer implements CompositionFeaturizer {
  private static final long serialVersionUID = 1L;
  /** Bump whenever the statistics change, so that features computed before are recomputed. */
  private static final int KERNEL_VERSION = 1;
  private static final int STATISTICS = MagpiePreset.STATISTICS.size();

  private final MagpiePreset preset;
  private final ElementTable table;
  /** Per atomic number, how many of the preset's properties the element lacks in the raw table. */
  private final int[] missingByElement;
  private final String version;

  /** The featurizer over the {@link MagpiePreset#PROPERTIES} found among {@code elementProperties}. */
  public static MagpieFeaturizer of(MagpiePreset preset, Iterable<ElementValue> elementProperties) {
    return of(preset, ElementTable.fromRows(MagpiePreset.PROPERTIES, elementProperties));
  }

  /**
   * The featurizer over {@code raw}, a table of exactly the {@link MagpiePreset#PROPERTIES} in their order,
   * before imputation (imputed if the preset imputes).
   *
   * @throws IllegalArgumentException when the table holds other properties
   */
  public static MagpieFeaturizer of(MagpiePreset preset, ElementTable raw) {
    if (!raw.properties().equals(MagpiePreset.PROPERTIES)) {
      throw new IllegalArgumentException("preset " + preset.presetName()
          + " needs an element table of the properties " + MagpiePreset.PROPERTIES + " in that order, not "
          + raw.properties());
    }
    return new MagpieFeaturizer(preset, raw, preset.imputes() ? raw.imputedWithPropertyMeans() : raw);
  }

  /**
   * @param raw the element table before any imputation; {@code table} is what the statistics read
   */
  private MagpieFeaturizer(MagpiePreset preset, ElementTable raw, ElementTable table) {
    this.preset = preset;
    this.table = table;
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
    return MagpiePreset.lakeFeatureNames();
  }

  @Override
  public int featureCount() {
    return table.propertyCount() * STATISTICS;
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
    for (int p = 0, at = offset; p < table.propertyCount(); p++, at += STATISTICS) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      double mean = 0;
      double modeFraction = -1;
      double mode = Double.NaN;
      for (int i = 0; i < n; i++) {
        double x = table.value(atomicNumbers[i], p);
        double f = fractions[i];
        min = Math.min(min, x);
        max = Math.max(max, x);
        mean += f * x;
        if (f > modeFraction) {
          modeFraction = f;
          mode = x;
        } else if (f == modeFraction) {
          mode = Math.min(mode, x);
        }
      }
      double avgDev = 0;
      for (int i = 0; i < n; i++) {
        avgDev += fractions[i] * Math.abs(table.value(atomicNumbers[i], p) - mean);
      }
      out[at] = min;
      out[at + 1] = max;
      out[at + 2] = max - min;
      out[at + 3] = mean;
      out[at + 4] = avgDev;
      out[at + 5] = mode;
    }
  }
}
