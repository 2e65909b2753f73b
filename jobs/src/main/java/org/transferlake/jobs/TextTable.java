package org.transferlake.jobs;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain aligned text table for the terminal: numbers right-aligned, text left-aligned, every cell made safe to
 * print ({@link SafeText#value}), as cells may hold values from input files.
 */
final class TextTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  TextTable(String... header) {
    this.header = Arrays.stream(header).map(SafeText::value).toList();
  }

  TextTable add(Object... cells) {
    List<String> row = new ArrayList<>();
    for (Object c : cells) {
      row.add(c == null ? "" : c instanceof Double d ? String.format("%.2f", d) : SafeText.value(c));
    }
    rows.add(row);
    return this;
  }

  void print(PrintStream out) {
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    out.println(line(header, widths));
    for (List<String> row : rows) {
      out.println(line(row, widths));
    }
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      boolean number = c.matches("-?[0-9.]+");
      sb.append(number ? " ".repeat(widths[i] - c.length()) + c : c + " ".repeat(widths[i] - c.length()));
      if (i < cells.size() - 1) {
        sb.append("  ");
      }
    }
    return sb.toString().stripTrailing();
  }
}
