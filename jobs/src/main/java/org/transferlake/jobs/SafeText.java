package org.transferlake.jobs;

/**
 * Text from input files made safe to print on a terminal: control characters (C0, DEL, C1), format characters
 * (bidi overrides, zero-width ones) and line or paragraph separators are written as <code>&#92;uXXXX</code>, so
 * that a NUL, an ESC sequence or a right-to-left override in a record cannot reach the terminal or disguise a value.
 * Only what is printed is escaped; the lake's tables and {@code --out} files keep values as they came.
 */
final class SafeText {
  private SafeText() {}

  /** A value for one cell or line: every unsafe character escaped, newlines and tabs too. */
  static String value(Object value) {
    return value == null ? null : escape(value.toString(), false);
  }

  /** A message of several lines: unsafe characters escaped, its newlines kept. */
  static String message(String message) {
    return message == null ? null : escape(message, true);
  }

  private static String escape(String s, boolean keepNewlines) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean unsafe = !(keepNewlines && c == '\n') && unsafe(c);
      if (unsafe && out == null) {
        out = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (unsafe) {
        out.append(String.format("\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  private static boolean unsafe(char c) {
    if (Character.isISOControl(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
  }
}
