package org.transferlake.featurize;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A preset name {@code a+b}: the feature columns of each part, in that order. A column whose name an earlier part
 * already gave (only {@code magpie} and {@code magpie_no_imputation} share names) is called
 * {@code <part>__<name>}, so every column of a combination has a name of its own.
 */
final class PresetCombination {
  static final String JOIN = "+";

  private PresetCombination() {}

  static boolean isCombination(String preset) {
    return preset.contains(JOIN);
  }

  /** The parts of {@code preset}, as written (no check that they are presets); itself when it is no combination. */
  static List<String> parts(String preset) {
    return List.of(preset.split("\\" + JOIN, -1));
  }

  /**
   * Each part's column names under the combination, part by part: {@code columns.get(i)} are part i's own names.
   */
  static List<Map<String, String>> renamed(List<String> parts, List<List<String>> columns) {
    Set<String> taken = new HashSet<>();
    List<Map<String, String>> out = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      Map<String, String> names = new LinkedHashMap<>();
      for (String column : columns.get(i)) {
        names.put(column, taken.contains(column) ? parts.get(i) + "__" + column : column);
      }
      taken.addAll(names.values());
      out.add(names);
    }
    return out;
  }

  /** The qualified name of a part's element property in a combination's element table: {@code oliynyk:Number}. */
  static String qualified(String part, String property) {
    return part + ":" + property;
  }
}
