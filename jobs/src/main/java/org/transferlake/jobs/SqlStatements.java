package org.transferlake.jobs;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL text cut into statements at semicolons outside quotes ({@code '...'}, {@code "..."}, {@code `...`}) and
 * comments ({@code -- ...}, {@code /* ... *}{@code /}), each with the line it starts on. Spark parses one statement
 * at a time and has no splitter of its own for scripts, so this small scanner is ours.
 */
final class SqlStatements {
  /** One statement, without its semicolon, and the 1-based line of its first character. */
  record Statement(String text, int line) {}

  private SqlStatements() {}

  /** Every statement of {@code text}; the last needs no semicolon. Empty statements (";;", comments only) are dropped. */
  static List<Statement> split(String text) {
    List<Statement> out = new ArrayList<>();
    Scan scan = new Scan(text);
    int start = 0;
    int startLine = 1;
    int end;
    while ((end = scan.nextSemicolon()) >= 0) {
      add(out, text.substring(start, end), startLine);
      start = end + 1;
      startLine = scan.line;
    }
    add(out, text.substring(start), startLine);
    return out;
  }

  /** True when {@code text} holds a semicolon outside quotes and comments: a shell runs what it has read. */
  static boolean complete(String text) {
    return new Scan(text).nextSemicolon() >= 0;
  }

  /** The index just after the last semicolon outside quotes and comments; 0 when there is none. */
  static int endOfLastStatement(String text) {
    Scan scan = new Scan(text);
    int end = 0;
    int at;
    while ((at = scan.nextSemicolon()) >= 0) {
      end = at + 1;
    }
    return end;
  }

  /** True when {@code text} is only blanks and comments. */
  static boolean blank(String text) {
    return strip(text).isEmpty();
  }

  private static void add(List<Statement> out, String piece, int pieceLine) {
    if (blank(piece)) {
      return;
    }
    // the statement starts at its first character that is neither blank nor comment, maybe some lines in
    Scan scan = new Scan(piece);
    while (scan.pos < piece.length() && (Character.isWhitespace(piece.charAt(scan.pos))
        || piece.startsWith("--", scan.pos) || piece.startsWith("/*", scan.pos))) {
      scan.step();
    }
    out.add(new Statement(piece.substring(scan.pos).strip(), pieceLine + scan.line - 1));
  }

  /** The text without its comments (quotes kept), for telling an empty statement from a real one. */
  private static String strip(String text) {
    StringBuilder sb = new StringBuilder();
    Scan scan = new Scan(text);
    while (scan.pos < text.length()) {
      int before = scan.pos;
      boolean code = scan.step();
      if (code) {
        sb.append(text, before, scan.pos);
      }
    }
    return sb.toString().strip();
  }

  /** A cursor over SQL text that knows whether it is inside a quote or a comment. */
  private static final class Scan {
    private final String text;
    int pos;
    int line = 1;

    Scan(String text) {
      this.text = text;
    }

    /** The index of the next semicolon outside quotes and comments, the cursor just after it; -1 at the end. */
    int nextSemicolon() {
      while (pos < text.length()) {
        boolean code = text.charAt(pos) == ';';
        int at = pos;
        boolean wasCode = step();
        if (code && wasCode) {
          return at;
        }
      }
      return -1;
    }

    /** Moves over one token (a character, a quoted string or a comment); true when it was code, not a comment. */
    boolean step() {
      char c = text.charAt(pos);
      if (c == '\'' || c == '"' || c == '`') {
        pos++;
        while (pos < text.length() && text.charAt(pos) != c) {
          if (c != '`' && text.charAt(pos) == '\\' && pos + 1 < text.length()) {
            count(text.charAt(pos));
            pos++; // Spark's string literals take backslash escapes: '\'' does not end the quote
          }
          count(text.charAt(pos));
          pos++;
        }
        pos = Math.min(pos + 1, text.length());
        return true;
      }
      if (text.startsWith("--", pos)) {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
        return false;
      }
      if (text.startsWith("/*", pos)) {
        int close = text.indexOf("*/", pos + 2);
        int end = close < 0 ? text.length() : close + 2;
        while (pos < end) {
          count(text.charAt(pos));
          pos++;
        }
        return false;
      }
      count(c);
      pos++;
      return true;
    }

    private void count(char c) {
      if (c == '\n') {
        line++;
      }
    }
  }
}
