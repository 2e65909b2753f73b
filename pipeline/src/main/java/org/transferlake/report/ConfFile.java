package org.transferlake.report;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.io.File;
import org.transferlake.config.SettingsException;

/**
 * A HOCON file a setting names: read from disk, or, for a path under {@code conf/} that is not there (a command run
 * from another directory, or under spark-submit), the copy the jar ships under {@code transferlake-conf/}.
 */
final class ConfFile {
  private ConfFile() {}

  /**
   * @param key the setting, for messages
   * @param what what the file holds, for the message when it is missing
   */
  static Config read(String key, String path, String what) {
    File file = new File(path);
    String shipped = path.startsWith("conf/") ? "transferlake-conf/" + path.substring("conf/".length()) : null;
    try {
      if (file.isFile()) {
        return ConfigFactory.parseFile(file, ConfigParseOptions.defaults().setAllowMissing(false)).resolve();
      }
      if (shipped != null && ConfFile.class.getClassLoader().getResource(shipped) != null) {
        return ConfigFactory.parseResources(ConfFile.class.getClassLoader(), shipped,
            ConfigParseOptions.defaults().setAllowMissing(false)).resolve();
      }
    } catch (ConfigException e) {
      throw new SettingsException(key + " = \"" + path + "\": " + e.getMessage(), e);
    }
    throw new SettingsException(key + " = \"" + path + "\": no such file (empty for no " + what + ")");
  }
}
