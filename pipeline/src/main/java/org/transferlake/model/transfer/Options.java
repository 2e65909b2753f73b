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
}
