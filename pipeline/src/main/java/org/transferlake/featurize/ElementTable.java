package org.transferlake.featurize;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.transferlake.composition.Elements;

/**
 * An immutable dense table of elemental properties, one row per element Z = 1..118 and one column per
 * property; NaN where an element lacks a property.
 */
public final class ElementTable implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String[] properties;
  /** Row-major, element Z at row Z - 1, so that Z = 0 fails loudly instead of reading a blank row. */
  private final double[] values;

  private ElementTable(String[] properties, double[] values) {
    this.properties = properties;
    this.values = values;
  }

  /**
   * The table of {@code properties}, in that order, filled from long-form rows. Rows of other
   * properties are skipped, since the lake holds many more than a preset uses.
   *
   * @throws IllegalArgumentException for an unknown element symbol, a repeated property name, or two
   *     rows for the same element and property
   */
  public static ElementTable fromRows(List<String> properties, Iterable<ElementValue> rows) {
    String[] names = properties.toArray(new String[0]);
    if (Arrays.stream(names).distinct().count() != names.length) {
      throw new IllegalArgumentException("repeated property in " + properties);
    }
    double[] values = new double[Elements.count() * names.length];
    Arrays.fill(values, Double.NaN);
    boolean[] seen = new boolean[values.length];
    for (ElementValue row : rows) {
      int p = properties.indexOf(row.property());
      if (p < 0) {
        continue;
      }
      int z = Elements.atomicNumber(row.element());
      if (z < 0) {
        throw new IllegalArgumentException("unknown element '" + row.element() + "' in element properties");
      }
      int cell = (z - 1) * names.length + p;
      if (seen[cell]) {
        throw new IllegalArgumentException("two values of " + row.property() + " for " + row.element());
      }
      seen[cell] = true;
      values[cell] = row.value();
    }
    return new ElementTable(names, values);
  }

  /**
   * A copy in which each element's missing property is that property's mean over the elements that
   * have it (matminer's {@code impute_nan=True}). A property no element has stays missing.
   */
  public ElementTable imputedWithPropertyMeans() {
    double[] imputed = values.clone();
    int width = properties.length;
    for (int p = 0; p < width; p++) {
      double sum = 0;
      int count = 0;
      for (int cell = p; cell < values.length; cell += width) {
        if (!Double.isNaN(values[cell])) {
          sum += values[cell];
          count++;
        }
      }
      double mean = count == 0 ? Double.NaN : sum / count;
      for (int cell = p; cell < values.length; cell += width) {
        if (Double.isNaN(imputed[cell])) {
          imputed[cell] = mean;
        }
      }
    }
    return new ElementTable(properties, imputed);
  }

  /**
   * The tables side by side, each property named {@code <prefix>:<property>}: the element table of a combination
   * of presets, whose parts may read properties of the same name from different tables.
   */
  static ElementTable sideBySide(List<String> prefixes, List<ElementTable> tables) {
    List<String> names = new ArrayList<>();
    for (int t = 0; t < tables.size(); t++) {
      for (String property : tables.get(t).properties) {
        names.add(PresetCombination.qualified(prefixes.get(t), property));
      }
    }
    double[] values = new double[Elements.count() * names.size()];
    for (int z = 1, cell = 0; z <= Elements.count(); z++) {
      for (ElementTable table : tables) {
        for (int p = 0; p < table.propertyCount(); p++) {
          values[cell++] = table.value(z, p);
        }
      }
    }
    return new ElementTable(names.toArray(new String[0]), values);
  }

  /**
   * The columns {@code from}, in that order, named {@code as}.
   *
   * @throws IllegalArgumentException naming the first column the table lacks
   */
  ElementTable columns(List<String> from, List<String> as) {
    List<String> own = properties();
    int[] index = new int[from.size()];
    for (int i = 0; i < index.length; i++) {
      index[i] = own.indexOf(from.get(i));
      if (index[i] < 0) {
        throw new IllegalArgumentException("the element table has no property " + from.get(i));
      }
    }
    double[] picked = new double[Elements.count() * index.length];
    for (int z = 1, cell = 0; z <= Elements.count(); z++) {
      for (int i : index) {
        picked[cell++] = value(z, i);
      }
    }
    return new ElementTable(as.toArray(new String[0]), picked);
  }

  /** The property names, in column order. */
  public List<String> properties() {
    return List.of(properties);
  }

  /** Per atomic number (index 0 unused), how many properties the table lacks for that element. */
  public int[] missingPerElement() {
    int[] missing = new int[Elements.count() + 1];
    for (int z = 1; z <= Elements.count(); z++) {
      for (int p = 0; p < propertyCount(); p++) {
        missing[z] += Double.isNaN(value(z, p)) ? 1 : 0;
      }
    }
    return missing;
  }

  /** The number of properties (columns). */
  public int propertyCount() {
    return properties.length;
  }

  /** Property {@code property} (a column index) of element {@code z}, NaN when missing. */
  public double value(int z, int property) {
    return values[(z - 1) * properties.length + property];
  }

  /**
   * A short hash of the property names and every value, so that anything derived from the table can
   * tell when the table changed.
   */
  public String fingerprint() {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
    for (String property : properties) {
      sha.update(property.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
    }
    ByteBuffer bits = ByteBuffer.allocate(Double.BYTES * values.length);
    for (double v : values) {
      bits.putLong(Double.doubleToLongBits(v));
    }
    sha.update(bits.array());
    return HexFormat.of().formatHex(sha.digest(), 0, 8);
  }
}
