package org.transferlake.ingest.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Conversion factors into a property's canonical unit. Only energies are needed so far. */
public final class Units {
  /** Energy units in eV. */
  private static final Map<String, Double> ENERGY_IN_EV = Map.of(
      "eV", 1.0,
      "meV", 1e-3,
      "Ry", 13.605693122994,
      "Ha", 27.211386245988,
      "kJ/mol", 0.010364269656262174,
      "kcal/mol", 0.04336410390059322);

  private Units() {}

  /**
   * The factor that turns a value in {@code from} into {@code canonical}, or NaN when no conversion is known.
   */
  public static double factor(String from, String canonical) {
    if (from.equals(canonical)) {
      return 1.0;
    }
    Double f = ENERGY_IN_EV.get(from);
    Double c = ENERGY_IN_EV.get(canonical);
    return f == null || c == null ? Double.NaN : f / c;
  }

  /** The units a value can be given in for {@code canonical}: itself first, then those with a known factor. */
  static List<String> convertibleTo(String canonical) {
    List<String> out = new ArrayList<>(List.of(canonical));
    new TreeSet<>(ENERGY_IN_EV.keySet()).stream()
        .filter(u -> !u.equals(canonical) && !Double.isNaN(factor(u, canonical))).forEach(out::add);
    return out;
  }

  public static String known() {
    return String.join(", ", new TreeSet<>(ENERGY_IN_EV.keySet()));
  }
}
