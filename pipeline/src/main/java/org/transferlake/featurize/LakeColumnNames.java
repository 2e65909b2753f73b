package org.transferlake.featurize;

import java.util.Locale;

/** Turns feature names as other tools write them into lake column names. */
final class LakeColumnNames {
  private static final String MATMINER_MAGPIE_PREFIX = "magpiedata_";
  private static final String MAGPIE_PREFIX = "magpie_";

  private LakeColumnNames() {}

  /**
   * matminer's name lower-cased, each run of characters other than ASCII letters and digits replaced by
   * {@code _}, and a leading {@code magpiedata} shortened to {@code magpie}: {@code MagpieData minimum
   * GSvolume_pa} becomes {@code magpie_minimum_gsvolume_pa}.
   */
  public static String fromMatminer(String matminerName) {
    String name = underscored(matminerName);
    return name.indexOf(MATMINER_MAGPIE_PREFIX) == 0
        ? MAGPIE_PREFIX + name.substring(MATMINER_MAGPIE_PREFIX.length())
        : name;
  }

  /**
   * {@code name} lower-cased, each run of characters other than ASCII letters and digits replaced by
   * {@code _}, without a leading or trailing {@code _}: {@code specific_heat_(J/g_K)_} becomes
   * {@code specific_heat_j_g_k}.
   */
  public static String slug(String name) {
    String underscored = underscored(name);
    int start = underscored.startsWith("_") ? 1 : 0;
    int end = Math.max(start, underscored.endsWith("_") ? underscored.length() - 1 : underscored.length());
    return underscored.substring(start, end);
  }

  private static String underscored(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    StringBuilder name = new StringBuilder(lower.length());
    boolean inRun = false;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      boolean kept = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (kept) {
        name.append(c);
      } else if (!inRun) {
        name.append('_');
      }
      inRun = !kept;
    }
    return name.toString();
  }
}
