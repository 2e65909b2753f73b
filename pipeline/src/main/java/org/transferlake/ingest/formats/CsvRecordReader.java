package org.transferlake.ingest.formats;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Splits CSV text into records one at a time, so that one malformed record is refused on its own and
 * never takes the rest of the file with it. Commons CSV parses the fields of each record; the framing is
 * ours because a streaming CSV parser stops for good at the first bad quote.
 *
 * <p>A record is a line, joined with the following lines while a quoted field is open. Blank lines are
 * not records (as pandas reads them), so record numbers match the row numbers of tools that skip them.
 * A quote left open until the end of the file or past {@code maxChars} refuses the first line alone,
 * and reading goes on from the next line.
 */
final class CsvRecordReader {
  /** One framed record: its text, or why it could not be framed. */
  record Framed(String text, String problem) {}

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

  private final Reader in;
  private final int maxChars;
  private String pending = "";
  private int pendingAt;
  private boolean eof;
  private boolean first = true;

  CsvRecordReader(Reader in, int maxChars) {
    this.in = in;
    this.maxChars = maxChars;
  }

  /** The next non-blank record, or null at the end of the input. */
  Framed next() throws IOException {
    while (true) {
      Framed framed = frame();
      if (framed == null) {
        return null;
      }
      if (framed.problem() != null || !framed.text().isBlank()) {
        return framed;
      }
    }
  }

  private Framed frame() throws IOException {
    StringBuilder record = new StringBuilder();
    boolean quoted = false;
    int firstLineEnd = -1;
    while (true) {
      int c = read();
      if (c < 0) {
        if (record.length() == 0 && !quoted) {
          return null;
        }
        if (quoted) {
          return refuseFirstLine(record, firstLineEnd, "a quoted field is not closed before the end of the file");
        }
        return new Framed(record.toString(), null);
      }
      if (first) {
        first = false;
        if (c == '\uFEFF') {
          continue; // a byte-order mark is not data
        }
      }
      if (c == '"') {
        quoted = !quoted; // "" inside a quoted field toggles twice: still quoted
      } else if (c == '\n' && !quoted) {
        return new Framed(stripCr(record), null);
      } else if (c == '\n' && firstLineEnd < 0) {
        firstLineEnd = record.length();
      }
      record.append((char) c);
      if (record.length() > maxChars) {
        if (quoted) {
          return refuseFirstLine(record, firstLineEnd, "a quoted field is still open after " + maxChars + " characters");
        }
        skipLine();
        return new Framed(null, "record longer than " + maxChars + " characters: "
            + record.substring(0, Math.min(200, record.length())) + "…");
      }
    }
  }

  /** Refuses the record's first line and puts the lines after it back to be read again. */
  private Framed refuseFirstLine(StringBuilder record, int firstLineEnd, String why) throws IOException {
    if (firstLineEnd < 0) {
      if (record.length() > maxChars) {
        skipLine();
      }
      String text = record.toString();
      return new Framed(null, why + ": " + text.substring(0, Math.min(200, text.length())));
    }
    pending = record.substring(firstLineEnd + 1) + pending.substring(pendingAt);
    pendingAt = 0;
    String line = stripCr(new StringBuilder(record.substring(0, firstLineEnd)));
    return new Framed(null, why + ": " + line.substring(0, Math.min(200, line.length())));
  }

  private void skipLine() throws IOException {
    for (int c = read(); c >= 0 && c != '\n'; c = read()) {
      // discard the rest of an over-long line
    }
  }

  private int read() throws IOException {
    if (pendingAt < pending.length()) {
      return pending.charAt(pendingAt++);
    }
    return eof ? -1 : markEof(in.read());
  }

  private int markEof(int c) {
    eof = c < 0;
    return c;
  }

  private static String stripCr(StringBuilder s) {
    int n = s.length();
    return n > 0 && s.charAt(n - 1) == '\r' ? s.substring(0, n - 1) : s.toString();
  }

  /**
   * The fields of one framed record. Most records hold no quote: splitting them on commas is several times
   * faster than a Commons CSV parser per record, and gives the same fields.
   */
  static List<String> fields(String text) throws IOException {
    if (text.indexOf('"') < 0 && text.indexOf('\r') < 0) { // a lone CR is a line break to Commons CSV
      return splitUnquoted(text);
    }
    try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
      List<CSVRecord> records = parser.getRecords();
      if (records.size() != 1) {
        throw new IOException("expected one record, found " + records.size());
      }
      return records.get(0).toList();
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static List<String> splitUnquoted(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int comma = text.indexOf(','); comma >= 0; comma = text.indexOf(',', start)) {
      out.add(text.substring(start, comma));
      start = comma + 1;
    }
    out.add(text.substring(start));
    return out;
  }
}
