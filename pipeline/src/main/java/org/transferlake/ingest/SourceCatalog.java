package org.transferlake.ingest;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.transferlake.config.PropertyCatalog;
import org.transferlake.config.SettingsException;

/** The source catalog: every {@code *.conf} in the sources directory, validated when read. */
public final class SourceCatalog {
  private static final Set<String> FORMATS = Set.of("csv");
  private static final Set<String> KNOWN_KEYS = Set.of("id", "title", "kind", "format", "files", "encoding",
      "sha256", "origin", "licence", "citation", "flags", "missing-values", "record", "values", "element-table");

  private final Map<String, SourceDefinition> byId;

  private SourceCatalog(Map<String, SourceDefinition> byId) {
    this.byId = byId;
  }

  public static SourceCatalog load(File dir, PropertyCatalog properties) {
    File[] files = dir.listFiles((d, name) -> name.endsWith(".conf"));
    if (files == null) {
      throw new SettingsException("transferlake.sources.dir = \"" + dir + "\": not a directory");
    }
    Arrays.sort(files);
    Map<String, SourceDefinition> byId = new LinkedHashMap<>();
    for (File file : files) {
      SourceDefinition source = read(file, properties);
      SourceDefinition previous = byId.put(source.id(), source);
      if (previous != null) {
        throw new SettingsException(file + ": source id '" + source.id() + "' is already declared in "
            + previous.definitionFile());
      }
    }
    return new SourceCatalog(byId);
  }

  public Collection<SourceDefinition> all() {
    return byId.values();
  }

  /** The sources named, in catalog order; every name must exist. Empty means all. */
  public List<SourceDefinition> select(List<String> ids) {
    if (ids.isEmpty()) {
      return List.copyOf(byId.values());
    }
    List<SourceDefinition> out = new ArrayList<>();
    for (String id : ids) {
      SourceDefinition s = byId.get(id);
      if (s == null) {
        throw new SettingsException("unknown source '" + id + "' (catalog: " + String.join(", ", byId.keySet()) + ")");
      }
      out.add(s);
    }
    return out;
  }

  static SourceDefinition read(File file, PropertyCatalog properties) {
    Config c;
    String text;
    try {
      text = Files.readString(file.toPath(), StandardCharsets.UTF_8);
      c = ConfigFactory.parseString(text, ConfigParseOptions.defaults().setOriginDescription(file.toString()))
          .resolve();
    } catch (IOException | ConfigException e) {
      throw new SettingsException("cannot read source definition " + file + ": " + e.getMessage(), e);
    }
    Reader r = new Reader(file, c);
    for (String key : c.root().keySet()) {
      if (!KNOWN_KEYS.contains(key)) {
        throw r.error(key, "unknown key (known: " + String.join(", ", new java.util.TreeSet<>(KNOWN_KEYS)) + ")");
      }
    }
    String id = r.string("id");
    if (!id.matches("[a-z][a-z0-9_]*")) {
      throw r.error("id", "\"" + id + "\" is not lower snake case");
    }
    String expectedName = id + ".conf";
    if (!file.getName().equals(expectedName)) {
      throw r.error("id", "\"" + id + "\" must live in a file named " + expectedName);
    }
    SourceDefinition.Kind kind = switch (r.optString("kind", "observations")) {
      case "observations" -> SourceDefinition.Kind.OBSERVATIONS;
      case "element-table" -> SourceDefinition.Kind.ELEMENT_TABLE;
      default -> throw r.error("kind", "expected observations or element-table");
    };
    String format = r.string("format");
    if (!FORMATS.contains(format)) {
      throw r.error("format", "\"" + format + "\" is not supported (supported: " + String.join(", ", FORMATS) + ")");
    }
    List<String> files = r.stringList("files");
    if (files.isEmpty()) {
      throw r.error("files", "at least one file is needed");
    }
    String encoding = r.optString("encoding", "UTF-8");
    try {
      java.nio.charset.Charset.forName(encoding);
    } catch (IllegalArgumentException e) {
      throw r.error("encoding", "\"" + encoding + "\" is not a character set this Java knows");
    }
    String sha256 = r.optString("sha256", null);
    if (sha256 != null && !sha256.matches("[0-9a-f]{64}")) {
      throw r.error("sha256", "expected 64 lower-case hex digits");
    }
    SourceDefinition.Origin origin = new SourceDefinition.Origin(
        r.optString("origin.url", null), r.optString("origin.repository", null),
        r.optString("origin.commit", null), r.optString("origin.path", null));
    Set<String> missing = new LinkedHashSet<>(c.hasPath("missing-values")
        ? r.stringList("missing-values") : List.of("", "None", "NA", "N/A"));

    String formulaColumn = null;
    String idColumn = null;
    List<String> conditions = List.of();
    List<SourceDefinition.ValueMapping> values = List.of();
    String elementColumn = null;
    Set<String> ignored = Set.of();
    Map<String, String> propertyUnits = Map.of();
    Map<String, String> renamed = Map.of();
    if (kind == SourceDefinition.Kind.OBSERVATIONS) {
      formulaColumn = r.string("record.formula");
      idColumn = r.optString("record.id", null);
      conditions = c.hasPath("record.conditions") ? r.stringList("record.conditions") : List.of();
      values = readValues(r, c, properties);
    } else {
      elementColumn = r.string("element-table.element");
      ignored = new LinkedHashSet<>(c.hasPath("element-table.ignore")
          ? r.stringList("element-table.ignore") : List.of());
      propertyUnits = stringMap(r, c, "element-table.units");
      renamed = stringMap(r, c, "element-table.rename");
    }
    return new SourceDefinition(id, r.optString("title", id), kind, format, files,
        encoding, sha256, origin, r.string("licence"), r.string("citation"),
        c.hasPath("flags") ? r.stringList("flags") : List.of(), missing, formulaColumn, idColumn, conditions,
        values, elementColumn, ignored, propertyUnits, renamed, file.getPath(), Checksums.sha256(canonical(c)));
  }

  private static List<SourceDefinition.ValueMapping> readValues(Reader r, Config c, PropertyCatalog properties) {
    List<? extends Config> list;
    try {
      list = c.getConfigList("values");
    } catch (ConfigException e) {
      throw r.error("values", "expected a list of { column, property, fidelity, unit | labels }");
    }
    if (list.isEmpty()) {
      throw r.error("values", "at least one value mapping is needed");
    }
    List<SourceDefinition.ValueMapping> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Config v = list.get(i);
      Reader vr = new Reader(r.file, v, "values[" + i + "].");
      String property = vr.string("property");
      PropertyCatalog.Property p;
      try {
        p = properties.get(property);
      } catch (SettingsException e) {
        throw vr.error("property", e.getMessage());
      }
      String fidelity = vr.string("fidelity");
      if (!fidelity.matches("[a-z][a-z0-9_]*")) {
        throw vr.error("fidelity", "\"" + fidelity + "\" is not lower snake case (see the fidelity names in the design)");
      }
      String column = vr.string("column");
      if (p.numeric()) {
        String unit = vr.string("unit");
        double factor = Units.factor(unit, p.unit());
        if (Double.isNaN(factor)) {
          throw vr.error("unit", "\"" + unit + "\" cannot be converted to " + p.unit() + " for " + property
              + " (known: " + Units.known() + ")");
        }
        out.add(new SourceDefinition.ValueMapping(column, property, fidelity, p.unit(), factor, p.min(), p.max(),
            Map.of()));
      } else {
        Map<String, String> labels = new LinkedHashMap<>();
        if (!v.hasPath("labels")) {
          throw vr.error("labels", "a label property needs a map from raw values to its classes");
        }
        Config l = v.getConfig("labels");
        for (String raw : l.root().keySet()) {
          String label = l.getString(ConfigUtil.joinPath(raw));
          if (!p.labels().isEmpty() && !p.labels().contains(label)) {
            throw vr.error("labels", "\"" + label + "\" is not a class of " + property + " (classes: "
                + String.join(", ", p.labels()) + ")");
          }
          labels.put(raw, label);
        }
        out.add(new SourceDefinition.ValueMapping(column, property, fidelity, null, Double.NaN, Double.NaN,
            Double.NaN, labels));
      }
    }
    return out;
  }

  /** A map whose keys are raw column names (quoted as needed), not HOCON paths. */
  private static Map<String, String> stringMap(Reader r, Config c, String key) {
    Map<String, String> out = new TreeMap<>();
    if (!c.hasPath(key)) {
      return out;
    }
    Config section;
    try {
      section = c.getConfig(key);
    } catch (ConfigException e) {
      throw r.error(key, "expected an object of column = value");
    }
    for (String column : section.root().keySet()) {
      try {
        out.put(column, section.getString(ConfigUtil.joinPath(column)));
      } catch (ConfigException e) {
        throw r.error(key + "." + column, "expected a string");
      }
    }
    return out;
  }

  private static String canonical(Config c) {
    return c.root().render(ConfigRenderOptions.concise());
  }

  /** Typed reads that name the file and the key on failure. */
  private static final class Reader {
    private final File file;
    private final Config config;
    private final String prefix;

    Reader(File file, Config config) {
      this(file, config, "");
    }

    Reader(File file, Config config, String prefix) {
      this.file = file;
      this.config = config;
      this.prefix = prefix;
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

    SettingsException error(String key, String why) {
      return new SettingsException(file + ": " + prefix + key + ": " + why);
    }
  }
}
