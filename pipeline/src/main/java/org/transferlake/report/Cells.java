package org.transferlake.report;

import java.util.Locale;

/** How the report writes numbers into cells, and how renderers tell numbers and links apart. */
final class Cells {
  private Cells() {}

  /** A number with {@code digits} decimals; a dash for null or NaN. */
  public static String number(Double value, int digits) {
    return value == null || value.isNaN() ? "–" : String.format(Locale.ROOT, "%." + digits + "f", value);
  }

  /** {@code mean ± sd}, or the mean alone when there is no sd. */
  public static String meanSd(Stat s, int digits) {
    if (s == null || s.n() == 0) {
      return "–";
    }
    return Double.isNaN(s.sd()) ? number(s.mean(), digits) : number(s.mean(), digits) + " ± " + number(s.sd(), digits);
  }

  /** A fraction as a signed percentage: {@code -26.7%}. */
  public static String signedPercent(Double fraction) {
    return fraction == null || fraction.isNaN() ? "–" : String.format(Locale.ROOT, "%+.1f%%", 100 * fraction);
  }

  /** A fraction as a percentage: {@code 68.3%}. */
  public static String percent(double fraction) {
    return Double.isNaN(fraction) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
  }

  /** Columns whose cells all read as numbers (right-aligned); a dash or "baseline" does not count against it. */
  static boolean[] numericColumns(ReportDocument.Table table) {
    boolean[] out = new boolean[table.header().size()];
    for (int c = 0; c < out.length; c++) {
      boolean any = false;
      boolean all = true;
      for (java.util.List<String> row : table.rows()) {
        String cell = c < row.size() && row.get(c) != null ? row.get(c) : "";
        if (cell.equals("–") || cell.equals("baseline")) {
          continue;
        }
        boolean number = cell.matches("[-+]?[0-9][0-9.,]*(%| ± [0-9.]+| \\[[0-9., ]+]| points)?");
        any |= number;
        all &= number;
      }
      out[c] = any && all;
    }
    return out;
  }

  static boolean url(String cell) {
    return cell.matches("https?://\\S+");
  }
}
