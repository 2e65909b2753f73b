package org.transferlake.ingest.catalog;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValueType;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.transferlake.config.SettingsException;

/** Typed reads of one section of a source definition that name the file and the key on failure. */
final class ConfigReader {
  final File file;
  final Config config;
  private final String prefix;

  ConfigReader(File file, Config config, String prefix) {
    this.file = file;
    this.config = config;
    this.prefix = prefix;
  }

  /** The reader of a nested object ({@code record}, {@code values[2]}). */
  ConfigReader section(String key, Config section) {
    return new ConfigReader(file, section, prefix + key + ".");
  }

  ConfigReader section(String key) {
    if (!config.hasPath(key)) {
      throw error(key, "missing");
    }
    try {
      return section(key, config.getConfig(key));
    } catch (ConfigException e) {
      throw error(key, "expected an object");
    }
  }

  boolean has(String key) {
    return config.hasPath(key);
  }

  /** Refuses keys this section does not know, so that a misspelt key never passes unnoticed. */
  void onlyKeys(Set<String> known) {
    for (String key : config.root().keySet()) {
      if (!known.contains(key)) {
        throw error(key, "unknown key (known: " + String.join(", ", new TreeSet<>(known)) + ")");
      }
    }
  }

  String string(String key) {
    try {
      return config.getString(key);
    } catch (ConfigException.Missing e) {
      throw error(key, "missing");
    } catch (ConfigException e) {
      throw error(key, "expected a string");
    }
  }

  String optString(String key, String fallback) {
    return config.hasPath(key) ? string(key) : fallback;
  }

  List<String> stringList(String key) {
    try {
      return List.copyOf(config.getStringList(key));
    } catch (ConfigException.Missing e) {
      throw error(key, "missing");
    } catch (ConfigException e) {
      throw error(key, "expected a list of strings");
    }
  }

  List<String> optStringList(String key) {
    return config.hasPath(key) ? stringList(key) : List.of();
  }

  List<ConfigReader> sectionList(String key, String expected) {
    List<? extends Config> list;
    try {
      list = config.getConfigList(key);
    } catch (ConfigException e) {
      throw error(key, "expected a list of " + expected);
    }
    List<ConfigReader> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      out.add(section(key + "[" + i + "]", list.get(i)));
    }
    return out;
  }

  /** An object whose keys are raw column names (quoted as needed in HOCON), not paths; empty when absent. */
  Map<String, String> stringMap(String key) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!config.hasPath(key)) {
      return out;
    }
    Config section = section(key).config;
    for (String name : section.root().keySet()) {
      try {
        out.put(name, section.getString(ConfigUtil.joinPath(name)));
      } catch (ConfigException e) {
        throw error(key + "." + name, "expected a string");
      }
    }
    return out;
  }

  /** {@code [column, ...]} (each named as its column) or {@code { name = column, ... }}; empty when absent. */
  Map<String, String> namedColumns(String key) {
    if (!config.hasPath(key)) {
      return Map.of();
    }
    if (config.getValue(key).valueType() == ConfigValueType.LIST) {
      Map<String, String> out = new LinkedHashMap<>();
      stringList(key).forEach(column -> out.put(column, column));
      return out;
    }
    return stringMap(key);
  }

  /** {@code { column = [allowed, ...] }} (a single string is a list of one); empty when absent. */
  Map<String, Set<String>> stringSets(String key) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    if (!config.hasPath(key)) {
      return out;
    }
    Config section = section(key).config;
    for (String name : section.root().keySet()) {
      String path = ConfigUtil.joinPath(name);
      try {
        out.put(name, section.getValue(path).valueType() == ConfigValueType.LIST
            ? new LinkedHashSet<>(section.getStringList(path)) : Set.of(section.getString(path)));
      } catch (ConfigException e) {
        throw error(key + "." + name, "expected a string or a list of strings");
      }
    }
    return out;
  }

  SettingsException error(String key, String why) {
    return new SettingsException(file + ": " + prefix + key + ": " + why);
  }
}
