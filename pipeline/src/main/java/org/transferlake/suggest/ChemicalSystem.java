package org.transferlake.suggest;

import java.util.List;
import java.util.StringJoiner;
import org.transferlake.composition.Composition;

/** A composition's chemical system: its elements, in the key's alphabetical order, joined by '-' ({@code As-Ga}). */
final class ChemicalSystem {
  private ChemicalSystem() {}

  static String of(String compositionKey) {
    StringJoiner system = new StringJoiner("-");
    elements(compositionKey).forEach(system::add);
    return system.toString();
  }

  static List<String> elements(String compositionKey) {
    Composition c = Composition.ofKey(compositionKey);
    String[] out = new String[c.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = c.element(i);
    }
    return List.of(out);
  }
}
