package org.transferlake.config;

import java.util.regex.Pattern;

/**
 * Hides secrets in what the project writes about its configuration (provenance rows, reports, logs): the value of a
 * key that names a secret, and a password inside a URI. Keys follow Spark's own rule (spark.redaction.regex).
 */
public final class Redaction {
  /** A key naming a secret: Spark's default spark.redaction.regex, plus credential. */
  private static final Pattern SECRET_KEY = Pattern.compile("(?i)secret|password|token|access[.]?key|credential");
  private static final String HIDDEN = "*********(redacted)";

  private static final Pattern URI_PASSWORD = Pattern.compile("(://[^/:@\\s]+:)[^@\\s/]+@");
  private static final Pattern QUERY_PASSWORD = Pattern.compile("(?i)((?:password|secret|token)=)[^&;\\s\"]+");

  private Redaction() {}

  private static boolean isSecretKey(String key) {
    return SECRET_KEY.matcher(key).find();
  }

  /** The value as it may be shown: hidden for a secret key, else with any password inside it hidden. */
  public static String value(String key, String value) {
    return isSecretKey(key) ? HIDDEN : inText(value);
  }

  /** Passwords in URIs ({@code user:pw@host}, {@code ?password=pw}) hidden. */
  private static String inText(String text) {
    String out = URI_PASSWORD.matcher(text).replaceAll("$1" + HIDDEN + "@");
    return QUERY_PASSWORD.matcher(out).replaceAll("$1" + HIDDEN);
  }
}
