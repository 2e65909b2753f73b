package org.transferlake.jobs;

/** One CSV cell as RFC 4180 writes it: quoted, with quotes doubled, when it holds a comma, quote or line break. */
final class CsvCells {
  private CsvCells() {}

  static String quote(String value) {
    boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
        || value.indexOf('\r') >= 0;
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
