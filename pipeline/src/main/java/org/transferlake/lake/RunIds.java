package org.transferlake.lake;

import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Run identifiers: sortable by start time, unique across concurrent starts. */
public final class RunIds {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
  private static final SecureRandom RANDOM = new SecureRandom();

  private RunIds() {}

  /**
   * The configured id (transferlake.run.id, or the run to resume) when one is given, else a new one. An id names
   * directories under the lake root, so it starts with a letter or digit and holds no '/'.
   */
  public static String choose(String configured) {
    if (configured != null && !configured.isBlank()) {
      if (!configured.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
        throw new org.transferlake.config.SettingsException("run id \"" + configured + "\" (transferlake.run.id, or"
            + " the run to resume): expected a letter or digit, then letters, digits, '.', '_' or '-'");
      }
      return configured;
    }
    byte[] suffix = new byte[3];
    RANDOM.nextBytes(suffix);
    return FORMAT.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-" + HexFormat.of().formatHex(suffix);
  }
}
