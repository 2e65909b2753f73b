package org.transferlake.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small CSV file of the shared reference data, read whole. Only unquoted files are read: a quote
 * fails loudly rather than being split wrongly.
 */
public final class SharedCsv {
  private final List<String> header;
  private final List<String[]> rows;

  private SharedCsv(List<String> header, List<String[]> rows) {
    this.header = header;
    this.rows = rows;
  }

  /** Reads {@code relativePath} under the shared directory ({@link TestPaths#shared()}). */
  public static SharedCsv read(String relativePath) {
    Path file = TestPaths.shared().toPath().resolve(relativePath);
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read shared file " + file, e);
    }
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.indexOf('"') >= 0) {
        throw new IllegalStateException(file + " has quoted fields, which this reader does not handle");
      }
      if (!line.isEmpty()) {
        rows.add(line.split(",", -1));
      }
    }
    return new SharedCsv(Arrays.asList(lines.get(0).split(",", -1)), rows);
  }

  /** The column names, in file order. */
  public List<String> header() {
    return header;
  }

  /** The data rows, each with one cell per column. */
  public List<String[]> rows() {
    return rows;
  }

  /** The index of column {@code name}. */
  public int column(String name) {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("no column " + name + " in " + header);
    }
    return i;
  }
}
