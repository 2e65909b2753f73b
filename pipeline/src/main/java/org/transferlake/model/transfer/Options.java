package org.transferlake.model.transfer;

import java.util.Map;

/** Reads the options an architecture saves with its models. */
final class Options {
  private Options() {}

  static boolean flag(Map<String, String> options, String key) {
    String value = options.get(key);
    if (!"true".equals(value) && !"false".equals(value)) {
      throw new IllegalArgumentException("option " + key + " = " + value + ": expected true or false");
    }
    return Boolean.parseBoolean(value);
  }

  /** A saved number that must be finite and above 0 (a standard deviation). */
  static double positive(Map<String, String> options, String key) {
    String value = options.get(key);
    double number;
    try {
      number = Double.parseDouble(String.valueOf(value));
    } catch (NumberFormatException e) {
      number = Double.NaN;
    }
    if (!(number > 0) || Double.isInfinite(number)) {
      throw new IllegalArgumentException("option " + key + " = " + value + ": expected a number above 0");
    }
    return number;
  }
}
