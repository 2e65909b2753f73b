package org.transferlake.featurize;

import java.util.Arrays;
import java.util.Locale;
import org.transferlake.composition.Elements;

/** Preset {@code fractions}: the atomic fraction of every element Z = 1..118, 0 when absent. */
final class FractionsFeaturizer implements CompositionFeaturizer {
  private static final long serialVersionUID = 1L;
  /** Bump whenever the output changes for the same composition. */
  private static final String VERSION = "fractions-v1";

  @Override
  public String preset() {
    return "fractions";
  }

  @Override
  public String version() {
    return VERSION;
  }

  /** {@code frac_h}, {@code frac_he}, … {@code frac_og}. */
  @Override
  public String[] featureNames() {
    String[] names = new String[Elements.count()];
    for (int z = 1; z <= names.length; z++) {
      names[z - 1] = "frac_" + Elements.symbol(z).toLowerCase(Locale.ROOT);
    }
    return names;
  }

  @Override
  public int featureCount() {
    return Elements.count();
  }

  /** Fractions read no element table, so nothing can be missing. */
  @Override
  public int missingValues(int[] atomicNumbers, int n) {
    return 0;
  }

  @Override
  public void featurize(int[] atomicNumbers, double[] fractions, int n, double[] out, int offset) {
    Arrays.fill(out, offset, offset + Elements.count(), 0.0);
    for (int i = 0; i < n; i++) {
      int z = atomicNumbers[i];
      if (z < 1 || z > Elements.count()) {
        // an unchecked index here would write into a neighbouring column
        throw new IllegalArgumentException("no element with atomic number " + z);
      }
      out[offset + z - 1] = fractions[i];
    }
  }
}
