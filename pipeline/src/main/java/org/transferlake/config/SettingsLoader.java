package org.transferlake.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the settings from layers, highest first: {@code --set key=value} overrides, {@code -D} system
 * properties, profile files (later files win), and {@code reference.conf}. Validates before anything runs.
 */
public final class SettingsLoader {
  static final String ROOT = "transferlake";
  /**
   * Sections whose children are user-defined (validated by their own reader, not against the reference): the
   * property catalog, and the distributed source learner's hyperparameters (checked by that learner's params).
   */
  private static final List<String> OPEN_SECTIONS = List.of(ROOT + ".properties", ROOT + ".learners.source.mllib");

  /** Profile layers in order, later ones winning: files, or resources inside the jar. */
  private final List<Config> profiles = new ArrayList<>();
  private final Map<String, String> overrides = new LinkedHashMap<>();
  private boolean useSystemProperties = true;

  public SettingsLoader profile(File file) {
    if (!file.isFile()) {
      throw new SettingsException("configuration file " + file + " does not exist");
    }
    try {
      profiles.add(ConfigFactory.parseFile(file, ConfigParseOptions.defaults().setAllowMissing(false)));
    } catch (ConfigException e) {
      throw new SettingsException("cannot read configuration " + file + ": " + e.getMessage(), e);
    }
    return this;
  }

  /** A profile shipped inside the jar (under spark-submit there may be no conf/ directory beside it). */
  public SettingsLoader profileResource(String resource) {
    if (Thread.currentThread().getContextClassLoader().getResource(resource) == null
        && SettingsLoader.class.getClassLoader().getResource(resource) == null) {
      throw new SettingsException("configuration resource " + resource + " is not in the jar");
    }
    try {
      profiles.add(ConfigFactory.parseResources(SettingsLoader.class.getClassLoader(), resource,
          ConfigParseOptions.defaults().setAllowMissing(false)));
    } catch (ConfigException e) {
      throw new SettingsException("cannot read configuration resource " + resource + ": " + e.getMessage(), e);
    }
    return this;
  }

  /**
   * A workspace's layers, over the profiles so far: what it brings ({@link Workspace#defaults}), then its
   * {@code transferlake.conf}.
   */
  public SettingsLoader workspace(Workspace workspace) {
    profiles.add(workspace.defaults());
    return profile(workspace.settingsFile());
  }

  /** A {@code key=value} override, as given to {@code --set}. */
  public SettingsLoader set(String key, String value) {
    overrides.put(key.trim(), value);
    return this;
  }

  public SettingsLoader set(Map<String, String> values) {
    values.forEach(this::set);
    return this;
  }

  /** Tests turn this off so that one JVM's -D flags cannot leak into another test's settings. */
  public SettingsLoader withoutSystemProperties() {
    useSystemProperties = false;
    return this;
  }

  public Settings load() {
    Config reference = ConfigFactory.parseResources("reference.conf");
    Config layered = overridesConfig();
    if (useSystemProperties) {
      Config sys = ConfigFactory.systemProperties();
      if (sys.hasPath(ROOT)) {
        layered = layered.withFallback(sys.withOnlyPath(ROOT));
      }
    }
    for (int i = profiles.size() - 1; i >= 0; i--) {
      layered = layered.withFallback(profiles.get(i));
    }
    Config merged;
    try {
      merged = layered.withFallback(reference).resolve();
    } catch (ConfigException e) {
      throw new SettingsException("cannot resolve configuration: " + e.getMessage(), e);
    }
    Config resolvedReference = reference.resolve();
    List<String> problems = new ArrayList<>();
    problems.addAll(unknownKeys(merged, resolvedReference));
    problems.addAll(wrongTypes(merged, resolvedReference));
    if (!problems.isEmpty()) {
      throw new SettingsException("invalid configuration:\n  - " + String.join("\n  - ", problems));
    }
    return new Settings(merged, explicitSparkKeys());
  }

  private Config overridesConfig() {
    Config config = ConfigFactory.empty();
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      String key = e.getKey();
      if (!key.startsWith(ROOT + ".") && !key.startsWith("spark.")) {
        throw new SettingsException("--set " + key + ": only transferlake.* and spark.* keys can be set");
      }
      config = config.withValue(key, parseValue(key, e.getValue()));
    }
    return config;
  }

  /** Lists and objects are read as HOCON; everything else stays a string and is converted on use. */
  private static ConfigValue parseValue(String key, String raw) {
    String trimmed = raw.trim();
    String origin = "--set " + key;
    if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
      try {
        return ConfigFactory.parseString("v = " + trimmed, ConfigParseOptions.defaults().setOriginDescription(origin))
            .getValue("v");
      } catch (ConfigException e) {
        throw new SettingsException(origin + "=" + raw + ": not a valid list or object: " + e.getMessage(), e);
      }
    }
    return ConfigValueFactory.fromAnyRef(raw, origin);
  }

  private Set<String> explicitSparkKeys() {
    Set<String> keys = new TreeSet<>();
    for (String key : overrides.keySet()) {
      if (key.startsWith("spark.")) {
        keys.add(key);
      }
    }
    return keys;
  }

  private static List<String> unknownKeys(Config merged, Config reference) {
    List<String> problems = new ArrayList<>();
    if (!merged.hasPath(ROOT)) {
      return problems;
    }
    Set<String> known = new TreeSet<>();
    reference.getConfig(ROOT).entrySet().forEach(e -> known.add(ROOT + "." + e.getKey()));
    for (Map.Entry<String, ConfigValue> e : merged.getConfig(ROOT).entrySet()) {
      String path = ROOT + "." + e.getKey();
      if (isOpen(path) || reference.hasPathOrNull(path)) {
        continue;
      }
      String hint = closest(path, known);
      problems.add(path + " = " + render(path, e.getValue()) + " (" + e.getValue().origin().description()
          + "): unknown setting" + (hint == null ? " (every setting is declared in reference.conf)"
          : "; did you mean " + hint + "?"));
    }
    return problems;
  }

  private static List<String> wrongTypes(Config merged, Config reference) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, ConfigValue> e : reference.getConfig(ROOT).entrySet()) {
      String path = ROOT + "." + e.getKey();
      if (isOpen(path)) {
        continue;
      }
      ConfigValue expected = e.getValue();
      try {
        readAs(merged, path, expected);
      } catch (ConfigException.Missing missing) {
        problems.add(path + ": missing; expected " + describe(expected));
      } catch (ConfigException ex) {
        ConfigValue actual = merged.hasPathOrNull(path) ? merged.getValue(path) : null;
        problems.add(path + " = " + (actual == null ? "?" : render(path, actual))
            + (actual == null ? "" : " (" + actual.origin().description() + ")")
            + ": expected " + describe(expected));
      }
    }
    return problems;
  }

  private static void readAs(Config config, String path, ConfigValue expected) {
    switch (expected.valueType()) {
      case NUMBER -> {
        Object unwrapped = expected.unwrapped();
        if (unwrapped instanceof Integer || unwrapped instanceof Long) {
          config.getLong(path);
        } else {
          config.getDouble(path);
        }
      }
      case BOOLEAN -> config.getBoolean(path);
      case STRING -> config.getString(path);
      case LIST -> config.getList(path);
      case OBJECT -> config.getObject(path);
      default -> config.getValue(path);
    }
  }

  private static String describe(ConfigValue expected) {
    String type = switch (expected.valueType()) {
      case NUMBER -> (expected.unwrapped() instanceof Integer || expected.unwrapped() instanceof Long)
          ? "a whole number" : "a number";
      case BOOLEAN -> "true or false";
      case STRING -> "a string";
      case LIST -> "a list";
      case OBJECT -> "an object";
      default -> expected.valueType().name().toLowerCase();
    };
    return type + ", as in its default " + render("", expected);
  }

  /** A value as an error message shows it: a secret's hidden (see {@link Redaction}). */
  private static String render(String path, ConfigValue value) {
    String text = value.valueType() == ConfigValueType.STRING ? "\"" + value.unwrapped() + "\"" : value.render();
    return Redaction.value(path, text);
  }

  private static boolean isOpen(String path) {
    for (String open : OPEN_SECTIONS) {
      if (path.equals(open) || path.startsWith(open + ".")) {
        return true;
      }
    }
    return false;
  }

  /** The known key nearest to a misspelt one, when it is close enough to be a useful hint. */
  private static String closest(String path, Set<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int d = editDistance(path, candidate);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return bestDistance <= Math.max(2, path.length() / 5) ? best : null;
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
