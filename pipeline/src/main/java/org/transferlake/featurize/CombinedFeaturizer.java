package org.transferlake.featurize;

import java.util.ArrayList;
import java.util.List;

/**
 * The featurizer of a combination {@code a+b}: each part's features written one after the other, the names as
 * {@link PresetCombination} gives them; a composition lacks in the element tables what its parts lack, summed.
 */
final class CombinedFeaturizer implements CompositionFeaturizer {
  private static final long serialVersionUID = 1L;

  private final String preset;
  private final CompositionFeaturizer[] parts;
  private final String[] names;
  private final int count;

  CombinedFeaturizer(String preset, List<CompositionFeaturizer> parts, List<String> names) {
    this.preset = preset;
    this.parts = parts.toArray(new CompositionFeaturizer[0]);
    this.names = names.toArray(new String[0]);
    this.count = parts.stream().mapToInt(CompositionFeaturizer::featureCount).sum();
    if (count != this.names.length) {
      throw new IllegalArgumentException(preset + ": " + this.names.length + " names for " + count + " features");
    }
  }

  @Override
  public String preset() {
    return preset;
  }

  /** The parts' versions joined by {@code +}: changes whenever one of them does. */
  @Override
  public String version() {
    List<String> versions = new ArrayList<>();
    for (CompositionFeaturizer part : parts) {
      versions.add(part.version());
    }
    return String.join(PresetCombination.JOIN, versions);
  }

  @Override
  public String[] featureNames() {
    return names.clone();
  }

  @Override
  public int featureCount() {
    return count;
  }

  @Override
  public void featurize(int[] atomicNumbers, double[] fractions, int n, double[] out, int offset) {
    int at = offset;
    for (CompositionFeaturizer part : parts) {
      part.featurize(atomicNumbers, fractions, n, out, at);
      at += part.featureCount();
    }
  }

  @Override
  public int missingValues(int[] atomicNumbers, int n) {
    int missing = 0;
    for (CompositionFeaturizer part : parts) {
      missing += part.missingValues(atomicNumbers, n);
    }
    return missing;
  }
}
