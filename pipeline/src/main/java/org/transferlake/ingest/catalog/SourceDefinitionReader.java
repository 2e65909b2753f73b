package org.transferlake.ingest.catalog;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.transferlake.config.PropertyCatalog;
import org.transferlake.config.SettingsException;
import org.transferlake.lake.Checksums;
import org.transferlake.lineage.Link;

/** Reads and validates one source definition file; links between sources are checked by {@link SourceCatalog}. */
final class SourceDefinitionReader {
  static final Set<String> FORMATS = Set.of("csv", "json-map", "pif", "json-lines", "parquet");
  /** Formats whose records have columns an element table can take as properties. */
  private static final Set<String> TABLE_FORMATS = Set.of("csv", "json-lines", "parquet");
  private static final String NAME = "[a-z][a-z0-9_]*";
  private static final Set<String> KEYS = Set.of("id", "title", "kind", "format", "files", "encoding", "sha256",
      "origin", "licence", "citation", "flags", "missing-values", "record", "values", "element-table", "lineage");
  private static final Set<String> ORIGIN_KEYS = Set.of("url", "urls", "repository", "commit", "path");
  private static final Set<String> RECORD_KEYS = Set.of("formula", "formula-by-id", "id", "conditions");
  private static final Set<String> VALUE_KEYS = Set.of("column", "property", "fidelity", "unit", "labels",
      "conditions", "unit-column", "require", "refuse");
  private static final Set<String> TABLE_KEYS = Set.of("element", "ignore", "rename", "units", "numbered-columns");
  private static final Set<String> LINK_KEYS = Set.of("context", Link.SAME_AS, Link.DERIVED_FROM, "note");

  private SourceDefinitionReader() {}

  /** @param workspace whether the file is in the user's workspace ({@link SourceDefinition#workspace}) */
  static SourceDefinition read(File file, PropertyCatalog properties, boolean workspace) {
    Config c;
    try {
      String text = Files.readString(file.toPath(), StandardCharsets.UTF_8);
      c = ConfigFactory.parseString(text, ConfigParseOptions.defaults().setOriginDescription(file.toString()))
          .resolve();
    } catch (IOException | ConfigException e) {
      throw new SettingsException("cannot read source definition " + file + ": " + e.getMessage(), e);
    }
    ConfigReader r = new ConfigReader(file, c, "");
    r.onlyKeys(KEYS);
    String id = r.string("id");
    if (!id.matches(NAME)) {
      throw r.error("id", "\"" + id + "\" is not lower snake case");
    }
    if (!file.getName().equals(id + ".conf")) {
      throw r.error("id", "\"" + id + "\" must live in a file named " + id + ".conf");
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
    if (kind == SourceDefinition.Kind.ELEMENT_TABLE && !TABLE_FORMATS.contains(format)) {
      throw r.error("format", "an element table is read from " + String.join(", ", TABLE_FORMATS) + ", not " + format);
    }
    List<String> files = r.stringList("files");
    if (files.isEmpty()) {
      throw r.error("files", "at least one file is needed");
    }
    String encoding = r.optString("encoding", "UTF-8");
    try {
      Charset.forName(encoding);
    } catch (IllegalArgumentException e) {
      throw r.error("encoding", "\"" + encoding + "\" is not a character set this Java knows");
    }
    String sha256 = r.optString("sha256", null);
    if (sha256 != null && !sha256.matches("[0-9a-f]{64}")) {
      throw r.error("sha256", "expected 64 lower-case hex digits");
    }
    Set<String> missing = new LinkedHashSet<>(r.has("missing-values")
        ? r.stringList("missing-values") : List.of("", "None", "NA", "N/A"));
    List<String> flags = r.optStringList("flags");
    for (String flag : flags) {
      if (!flag.matches(NAME)) {
        throw r.error("flags", "\"" + flag + "\" is not lower snake case");
      }
    }

    String formulaColumn = null;
    String idColumn = null;
    String formulaById = null;
    Map<String, String> conditions = Map.of();
    List<SourceDefinition.ValueMapping> values = List.of();
    String elementColumn = null;
    Set<String> ignored = Set.of();
    Map<String, String> propertyUnits = Map.of();
    Map<String, String> renamed = Map.of();
    String numbered = null;
    if (kind == SourceDefinition.Kind.OBSERVATIONS) {
      ConfigReader record = r.section("record");
      record.onlyKeys(RECORD_KEYS);
      formulaColumn = record.optString("formula", null);
      formulaById = record.optString("formula-by-id", null);
      idColumn = record.optString("id", null);
      if ((formulaColumn == null) == (formulaById == null)) {
        throw record.error("formula", "give either formula (a column) or formula-by-id (a source whose record ids"
            + " give the formula)");
      }
      if (formulaById != null && idColumn == null) {
        throw record.error("id", "formula-by-id = " + formulaById + " needs the column holding the ids");
      }
      conditions = record.namedColumns("conditions");
      values = readValues(r, properties);
    } else {
      ConfigReader table = r.section("element-table");
      table.onlyKeys(TABLE_KEYS);
      elementColumn = table.string("element");
      ignored = new LinkedHashSet<>(table.optStringList("ignore"));
      propertyUnits = table.stringMap("units");
      renamed = table.stringMap("rename");
      numbered = table.optString("numbered-columns", null);
      if (numbered != null) {
        try {
          String example = String.format(numbered, 7);
          if (example.equals(String.format(numbered, 8))) {
            throw table.error("numbered-columns", "\"" + numbered + "\" must contain the number (as in mat2vec_%03d)");
          }
        } catch (IllegalFormatException e) {
          throw table.error("numbered-columns", "\"" + numbered + "\" is not a format for one integer: " + e.getMessage());
        }
      }
    }
    SourceDefinition.Origin origin = readOrigin(r, files);
    List<Link> lineage = readLineage(r);
    return new SourceDefinition(id, r.optString("title", id), kind, format, files, encoding, sha256, origin,
        workspace ? r.optString("licence", SourceDefinition.NOT_GIVEN) : r.string("licence"),
        workspace ? r.optString("citation", SourceDefinition.NOT_GIVEN) : r.string("citation"), flags, missing, formulaColumn, idColumn, formulaById, conditions,
        values, elementColumn, ignored, propertyUnits, renamed, numbered, lineage, file.getPath(),
        Checksums.sha256(c.root().render(ConfigRenderOptions.concise())), workspace);
  }

  private static SourceDefinition.Origin readOrigin(ConfigReader r, List<String> files) {
    if (!r.has("origin")) {
      return new SourceDefinition.Origin(List.of(), null, null, null);
    }
    ConfigReader o = r.section("origin");
    o.onlyKeys(ORIGIN_KEYS);
    List<String> urls;
    if (o.has("url") && o.has("urls")) {
      throw o.error("url", "give url (one file) or urls (one per file), not both");
    } else if (o.has("url")) {
      if (files.size() != 1) {
        throw o.error("url", "the source has " + files.size() + " files: give urls, one per file, in their order");
      }
      urls = List.of(o.string("url"));
    } else {
      urls = o.optStringList("urls");
      if (!urls.isEmpty() && urls.size() != files.size()) {
        throw o.error("urls", urls.size() + " URLs for " + files.size() + " files: give one per file, in their order");
      }
    }
    for (String url : urls) {
      if (!url.startsWith("https://") && !url.startsWith("http://")) {
        throw o.error("url", "\"" + url + "\" is not an http(s) URL");
      }
    }
    return new SourceDefinition.Origin(urls, o.optString("repository", null), o.optString("commit", null),
        o.optString("path", null));
  }

  private static List<SourceDefinition.ValueMapping> readValues(ConfigReader r, PropertyCatalog properties) {
    List<ConfigReader> list = r.sectionList("values", "{ column, property, fidelity, unit | labels }");
    if (list.isEmpty()) {
      throw r.error("values", "at least one value mapping is needed");
    }
    List<SourceDefinition.ValueMapping> out = new ArrayList<>();
    for (ConfigReader v : list) {
      v.onlyKeys(VALUE_KEYS);
      String property = v.string("property");
      PropertyCatalog.Property p;
      try {
        p = properties.get(property);
      } catch (SettingsException e) {
        throw v.error("property", e.getMessage());
      }
      String fidelity = v.string("fidelity");
      if (!fidelity.matches(NAME)) {
        throw v.error("fidelity", "\"" + fidelity + "\" is not lower snake case (see the fidelity names in the design)");
      }
      String column = v.string("column");
      Map<String, String> conditions = v.namedColumns("conditions");
      Map<String, Set<String>> require = v.stringSets("require");
      SourceDefinition.Refusal refusal = null;
      if (v.has("refuse")) {
        ConfigReader refuse = v.section("refuse");
        refuse.onlyKeys(Set.of("code", "reason"));
        String code = refuse.string("code");
        if (!code.matches(NAME)) {
          throw refuse.error("code", "\"" + code + "\" is not lower snake case");
        }
        refusal = new SourceDefinition.Refusal(code, refuse.string("reason"));
      }
      String unitColumn = v.optString("unit-column", null);
      if (p.numeric()) {
        String unit = v.string("unit");
        double factor = Units.factor(unit, p.unit());
        if (Double.isNaN(factor)) {
          throw v.error("unit", "\"" + unit + "\" cannot be converted to " + p.unit() + " for " + property
              + " (known: " + Units.known() + ")");
        }
        out.add(new SourceDefinition.ValueMapping(column, property, fidelity, true, p.unit(), unit, factor, p.min(),
            p.max(), Map.of(), conditions, unitColumn, require, refusal));
      } else {
        if (unitColumn != null || v.has("unit")) {
          throw v.error(v.has("unit") ? "unit" : "unit-column", property + " is a label property: it has no unit");
        }
        Map<String, String> labels = new LinkedHashMap<>(v.stringMap("labels"));
        if (labels.isEmpty() && !p.labels().isEmpty()) {
          throw v.error("labels", "a label property with fixed classes (" + String.join(", ", p.labels())
              + ") needs a map from raw values to its classes");
        }
        for (String label : labels.values()) {
          if (!p.labels().isEmpty() && !p.labels().contains(label)) {
            throw v.error("labels", "\"" + label + "\" is not a class of " + property + " (classes: "
                + String.join(", ", p.labels()) + ")");
          }
        }
        out.add(new SourceDefinition.ValueMapping(column, property, fidelity, false, null, null, Double.NaN, Double.NaN,
            Double.NaN, labels, conditions, null, require, refusal));
      }
    }
    return out;
  }

  private static List<Link> readLineage(ConfigReader r) {
    if (!r.has("lineage")) {
      return List.of();
    }
    List<Link> out = new ArrayList<>();
    for (ConfigReader l : r.sectionList("lineage", "{ context, same_as | derived_from, note }")) {
      l.onlyKeys(LINK_KEYS);
      if (l.has(Link.SAME_AS) == l.has(Link.DERIVED_FROM)) {
        throw l.error(Link.SAME_AS, "give exactly one of same_as or derived_from");
      }
      String relation = l.has(Link.SAME_AS) ? Link.SAME_AS : Link.DERIVED_FROM;
      out.add(new Link(l.string("context"), relation, l.string(relation), l.optString("note", null)));
    }
    return out;
  }
}
