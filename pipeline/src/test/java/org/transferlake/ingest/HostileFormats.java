package org.transferlake.ingest;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.transferlake.ingest.HostileCorpus.Bytes;
import org.transferlake.ingest.HostileValues.Rec;
import org.transferlake.ingest.formats.Json;

/** Writes {@link HostileCorpus}'s sources, one method per format, counting what each must read and accept. */
final class HostileFormats {
  private static final String GAP = "values = [ { column = gap, property = band_gap, fidelity = experiment, unit = eV } ]\n";
  private static final String GAP_UNIT = "values = [ { column = gap, property = band_gap, fidelity = experiment, unit = eV,"
      + " unit-column = unit } ]\n";
  private static final String[] LABS = {"Z\u00fcrich", "B\u00e2le", "Gen\u00e8ve", "Paris"};

  private final HostileCorpus corpus;
  private final Random random;

  HostileFormats(HostileCorpus corpus) {
    this.corpus = corpus;
    this.random = corpus.random();
  }

  void writeAll() throws IOException {
    csvMixed();
    csvEncodings();
    wholeFileFailures();
    HostileCorpus.IdKeys ids = csvIdSource();
    jsonLines();
    jsonLinesById(ids);
    jsonMap();
    pif();
    parquet();
  }

  /** Every kind of hostile field, plus lines with the wrong delimiter or field count, duplicates, an over-long line and a cut. */
  private void csvMixed() throws IOException {
    File f = corpus.file("mixed.csv");
    HostileValues values = new HostileValues(random, true);
    StringBuilder text = new StringBuilder("id,formula,gap,unit\n");
    Set<String> accepted = new LinkedHashSet<>();
    List<String[]> validRows = new ArrayList<>();
    long n = 0;
    for (int i = 0; i < 3000; i++, n++) {
      if (random.nextInt(15) == 0) {
        text.append(random.nextBoolean() ? "\n" : "   \r\n"); // blank lines are no records
      }
      int framing = random.nextInt(20);
      if (framing == 0) {
        text.append(count("csv", "wrong_delimiter", "r" + i + (random.nextBoolean() ? ";GaAs;1.4;eV\n" : "\tGaAs\t1.4\teV\n")));
      } else if (framing == 1) {
        text.append(count("csv", "extra_field", "r" + i + ",GaAs,1.4,eV,surplus\n"));
      } else if (framing == 2) {
        text.append(count("csv", "missing_field", "r" + i + ",GaAs,1.4\n"));
      } else if (framing == 3 && !validRows.isEmpty()) {
        String[] previous = validRows.get(random.nextInt(validRows.size()));
        boolean conflicting = random.nextBoolean();
        text.append(count("csv", conflicting ? "conflicting_value_same_id" : "duplicate_record", conflicting
            ? csvLine(previous[0], previous[1], values.validValue(), "eV") : csvLine(previous[0], previous[1], previous[2], previous[3])));
        accepted.add(HostileCorpus.place(f, n));
      } else {
        Rec r = values.next();
        String id = "r" + i;
        text.append(count("csv", r.kind(), csvLine(id, r.formula(), r.value(), r.unit())));
        if (r.ok()) {
          accepted.add(HostileCorpus.place(f, n));
          validRows.add(new String[] {id, r.formula(), r.value(), r.unit()});
        }
      }
    }
    text.append(count("csv", "over_long_record", "long," + "Fe".repeat(HostileCorpus.OVER_LONG / 2) + ",1.0,eV\n"));
    text.append(count("csv", "truncated_mid_record", "cut,NaCl,\"1."));
    n += 2;
    Files.writeString(f.toPath(), text);
    corpus.define("h_csv_mixed", "csv", List.of(f), "record { formula = formula, id = id }\n" + GAP_UNIT);
    corpus.expect("h_csv_mixed", "csv", n, accepted);
  }

  /** The same hostile records in a UTF-8 file with a BOM, UTF-16 with a BOM, Latin-1 declared, Latin-1 bytes in UTF-8. */
  private void csvEncodings() throws IOException {
    String def = "record { formula = formula, id = id, conditions { lab = lab } }\n" + GAP;
    for (String variant : List.of("utf8_bom", "utf16le_bom", "latin1_declared", "latin1_bytes_in_utf8")) {
      String id = "h_csv_" + variant;
      File f = corpus.file(variant + ".csv");
      boolean latin1 = variant.equals("latin1_declared");
      Bytes bytes = new Bytes(variant.startsWith("utf16") ? StandardCharsets.UTF_16LE
          : latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
      if (variant.endsWith("_bom")) {
        bytes.add("\uFEFF");
      }
      bytes.add("id,formula,gap,lab\n");
      HostileValues values = new HostileValues(random, false);
      Set<String> accepted = new LinkedHashSet<>();
      for (int i = 0; i < 400; i++) {
        Rec r = values.next();
        String lab = LABS[random.nextInt(LABS.length)];
        if (variant.equals("latin1_bytes_in_utf8") && random.nextInt(3) == 0) {
          bytes.add(count("csv", "latin1_bytes_in_utf8", csvLine("e" + i, values.validFormula(), values.validValue(), null)
              .replace("\n", ",")));
          bytes.add(lab.equals("Paris") ? "Z\u00fcrich\n" : lab + "\n", StandardCharsets.ISO_8859_1);
          continue;
        }
        bytes.add(count("csv", r.kind(), csvLine("e" + i, r.formula(), r.value(), null).replace("\n", "," + lab + "\n")));
        if (r.ok()) {
          accepted.add(HostileCorpus.place(f, i));
        }
      }
      bytes.writeTo(f);
      corpus.define(id, "csv", List.of(f), (latin1 ? "encoding = \"ISO-8859-1\"\n" : "") + def);
      corpus.expect(id, "csv", 400, accepted);
    }
  }

  /** Files that cannot be used at all: the source fails with a reason and the others go on. */
  private void wholeFileFailures() throws IOException {
    String def = "record { formula = formula }\n" + GAP;
    failing("h_csv_semicolons", "csv", "semicolons.csv", "formula;gap\nGaAs;1.4\nNaCl;8.5\n".getBytes(StandardCharsets.UTF_8),
        def, "column 'formula' not found", "wrong_delimiter_whole_file");
    failing("h_csv_utf16_no_bom", "csv", "utf16.csv", "formula,gap\nGaAs,1.4\n".getBytes(StandardCharsets.UTF_16LE),
        def, "UTF-16", "utf16_without_bom");
    failing("h_csv_renamed_column", "csv", "renamed.csv", "formula,band_gap\nGaAs,1.4\n".getBytes(StandardCharsets.UTF_8),
        def, "column 'gap' not found", "renamed_column");
    failing("h_csv_empty", "csv", "empty.csv", new byte[0], def, "is empty", "empty_file");
    failing("h_jsonl_renamed_key", "json-lines", "renamed.jsonl",
        "{\"formula\": \"GaAs\", \"Gap\": 1.4}\n{\"formula\": \"Si\", \"Gap\": 1.1}\n".getBytes(StandardCharsets.UTF_8),
        def, "appear in no record", "renamed_key_everywhere");
    File whole = corpus.file("whole.parquet");
    HostileCorpus.parquet(whole, "message r { optional binary formula (STRING); optional double gap; }",
        List.of(new Object[] {"GaAs", 1.4}, new Object[] {"Si", 1.1}));
    byte[] all = Files.readAllBytes(whole.toPath());
    failing("h_parquet_cut", "parquet", "cut.parquet", Arrays.copyOf(all, all.length / 2), def,
        "is not a readable Parquet file", "truncated_file");
    File renamed = corpus.file("drift-b.parquet");
    HostileCorpus.parquet(renamed, "message r { optional binary formula (STRING); optional double band_gap; }",
        List.<Object[]>of(new Object[] {"GaAs", 1.4}));
    corpus.define("h_parquet_drift", "parquet", List.of(whole, renamed), def);
    corpus.expectFailure("h_parquet_drift", "parquet", "column 'gap' not found");
    corpus.count("parquet", "missing_column_in_second_file");
  }

  private void failing(String id, String format, String name, byte[] bytes, String def, String failure, String kind)
      throws IOException {
    File f = corpus.file(name);
    Files.write(f.toPath(), bytes);
    corpus.define(id, format, List.of(f), def);
    corpus.expectFailure(id, format, failure);
    corpus.count(format, kind);
  }

  /** Ids repeated with the same formula and with conflicting ones; refused records leave their ids unknown. */
  private HostileCorpus.IdKeys csvIdSource() throws IOException {
    File f = corpus.file("ids.csv");
    HostileValues values = new HostileValues(random, false);
    HostileCorpus.IdKeys ids = new HostileCorpus.IdKeys();
    StringBuilder text = new StringBuilder("id,formula,gap\n");
    Set<String> accepted = new LinkedHashSet<>();
    for (int i = 0; i < 300; i++) {
      int idNumber = random.nextInt(150);
      Rec r = values.next();
      if (r.ok() && random.nextInt(5) > 0) { // mostly one formula per id; the rest conflict
        r = new Rec("duplicate_id", HostileValues.VALID_FORMULAS.get(idNumber % 15), r.value(), null, true);
      }
      text.append(count("csv", r.kind(), csvLine("mp-" + idNumber, r.formula(), r.value(), null)));
      if (r.ok()) {
        ids.add("mp-" + idNumber, r.key());
        accepted.add(HostileCorpus.place(f, i));
      }
    }
    Files.writeString(f.toPath(), text);
    corpus.define("h_ids", "csv", List.of(f), "record { formula = formula, id = id }\n" + GAP);
    corpus.expect("h_ids", "csv", 300, accepted);
    return ids;
  }

  /** Formulas by id through {@code h_ids}: unknown, conflicting and missing ids, and hostile values. */
  private void jsonLinesById(HostileCorpus.IdKeys ids) throws IOException {
    File f = corpus.file("byid.jsonl");
    HostileValues values = new HostileValues(random, false);
    StringBuilder text = new StringBuilder();
    Set<String> accepted = new LinkedHashSet<>();
    for (int i = 0; i < 600; i++) {
      Rec r = values.nextValue();
      if (random.nextInt(30) == 0) {
        text.append(count("json-lines", "missing_id", "{\"gap\": " + json(r.value()) + "}\n"));
        continue;
      }
      String id = "mp-" + random.nextInt(170); // 150 and above: no such id
      boolean resolves = ids.resolves(id);
      text.append(count("json-lines", r.ok() ? (resolves ? "id_resolves" : "id_unknown_or_conflicting") : r.kind(),
          "{\"id\": \"" + id + "\", \"gap\": " + json(r.value()) + "}\n"));
      if (r.ok() && resolves) {
        accepted.add(HostileCorpus.place(f, i));
      }
    }
    Files.writeString(f.toPath(), text);
    corpus.define("h_byid", "json-lines", List.of(f), "record { id = id, formula-by-id = h_ids }\n" + GAP);
    corpus.expect("h_byid", "json-lines", 600, accepted);
  }

  /** JSON lines: hostile fields, types that change from record to record, broken lines, nesting past the parser's limit. */
  private void jsonLines() throws IOException {
    File f = corpus.file("drift.jsonl");
    HostileValues values = new HostileValues(random, false);
    StringBuilder text = new StringBuilder("\uFEFF");
    Set<String> accepted = new LinkedHashSet<>();
    long n = 0;
    for (int i = 0; i < 2500; i++, n++) {
      if (random.nextInt(20) == 0) {
        text.append("\n");
      }
      String formula = json(values.validFormula());
      String line = switch (random.nextInt(14)) {
        case 0 -> count("json-lines", "type_drift_object", "{\"formula\": " + formula + ", \"gap\": {\"value\": 1.2}}");
        case 1 -> count("json-lines", "type_drift_array", "{\"formula\": " + formula + ", \"gap\": [1.2]}");
        case 2 -> count("json-lines", "type_drift_bool", "{\"formula\": " + formula + ", \"gap\": true}");
        case 3 -> count("json-lines", "formula_not_string",
            "{\"formula\": " + values.pick(new String[] {"42", "{\"Fe\": 2}", "[\"GaAs\"]"}) + ", \"gap\": 1.2}");
        case 4 -> count("json-lines", "json_nan_inf_literal",
            "{\"formula\": " + formula + ", \"gap\": " + values.pick(new String[] {"NaN", "Infinity", "-Infinity", "1e400"}) + "}");
        case 5 -> count("json-lines", "missing_or_renamed_key", values.pick(new String[] {"{\"formula\": " + formula + "}",
            "{\"formula\": " + formula + ", \"Gap\": 1.2}", "{\"gap\": 1.2}", "{}", "{\"formula\": " + formula + ", \"gap\": null}"}));
        case 6 -> count("json-lines", "duplicate_key_last_wins", "{\"formula\": " + formula + ", \"gap\": 1.0, \"gap\": -1}");
        case 7 -> count("json-lines", "malformed_json", values.pick(new String[] {"{\"formula\": " + formula + ", \"gap\": 1.4",
            "[1, 2]", "\"GaAs\"", "{formula: GaAs, gap: 1}", "{\"formula\": " + formula + "} trailing"}));
        case 8 -> count("json-lines", "deep_nesting_json", "{\"formula\": " + formula + ", \"gap\": "
            + nested(random.nextBoolean() ? 500 : 1200) + "}");
        default -> {
          Rec r = values.next();
          if (r.ok()) {
            accepted.add(HostileCorpus.place(f, n));
          }
          yield count("json-lines", r.kind(), "{\"id\": \"j" + i + "\", \"formula\": " + json(r.formula()) + ", \"gap\": "
              + jsonNumberOrString(r.value()) + "}");
        }
      };
      text.append(line).append('\n');
    }
    text.append(count("json-lines", "over_long_record", "{\"formula\": \"" + "Fe".repeat(HostileCorpus.OVER_LONG / 2)
        + "\", \"gap\": 1.0}\n"));
    text.append(count("json-lines", "truncated_mid_record", "{\"id\": \"cut\", \"formula\": \"NaCl\", \"gap\": 1."));
    Files.writeString(f.toPath(), text);
    corpus.define("h_jsonl", "json-lines", List.of(f), "record { formula = formula, id = id }\n" + GAP);
    corpus.expect("h_jsonl", "json-lines", n + 2, accepted);
  }

  /** A JSON map keyed by formula: hostile keys and values, an unmapped group, a group that is no map, a cut. */
  private void jsonMap() throws IOException {
    File f = corpus.file("map.json");
    HostileValues values = new HostileValues(random, false);
    Set<String> accepted = new LinkedHashSet<>();
    StringBuilder text = new StringBuilder("\uFEFF{");
    long n = 0;
    List<String[]> groups = List.of(new String[] {"pbe", "900"}, new String[] {"junk", "40"}, new String[] {"scan", "0"},
        new String[] {"hse", "900"}, new String[] {"pbe", "100"});
    for (String[] group : groups) {
      text.append(n == 0 ? "" : ", ").append(json(group[0])).append(": ");
      if (group[0].equals("scan")) {
        text.append(count("json-map", "group_not_an_object", "5"));
        n++;
        continue;
      }
      text.append('{');
      List<String> validKeys = new ArrayList<>();
      for (int i = 0; i < Integer.parseInt(group[1]); i++, n++) {
        text.append(i == 0 ? "" : ", ");
        if (group[0].equals("junk")) {
          text.append(count("json-map", "unmapped_group", json(values.validFormula()) + ": 1.0"));
        } else if (random.nextInt(20) == 0 && !validKeys.isEmpty()) {
          text.append(count("json-map", "duplicate_key_conflicting_value",
              json(validKeys.get(random.nextInt(validKeys.size()))) + ": " + values.validValue()));
          accepted.add(HostileCorpus.place(f, n));
        } else if (random.nextInt(20) == 0) {
          text.append(count("json-map", "type_drift", json(values.validFormula()) + ": "
              + values.pick(new String[] {"{\"v\": 1.2}", "[1.2]", "true", "null", "NaN", nested(500)})));
        } else {
          Rec r = values.next();
          text.append(count("json-map", r.kind(), json(r.formula()) + ": " + jsonNumberOrString(r.value())));
          if (r.ok()) {
            accepted.add(HostileCorpus.place(f, n));
            validKeys.add(r.formula());
          }
        }
      }
      text.append('}');
    }
    text.append(", \"hse\": {\"GaAs\": 1.4, ");
    text.append(count("json-map", "over_long_record", "\"NaCl\": \"" + "1".repeat(HostileCorpus.OVER_LONG) + "\", "));
    accepted.add(HostileCorpus.place(f, n));
    text.append(count("json-map", "truncated_mid_record", "\"GaA"));
    n += 3;
    Files.writeString(f.toPath(), text);
    corpus.define("h_jsonmap", "json-map", List.of(f), "record { formula = \"$key\" }\nvalues = [\n"
        + "  { column = pbe, property = band_gap, fidelity = pbe, unit = eV }\n"
        + "  { column = hse, property = band_gap, fidelity = hse06, unit = eV }\n]\n");
    corpus.expect("h_jsonmap", "json-map", n, accepted);
  }

  /** Citrine PIF systems: hostile fields and units, scalars of every shape, computed values, repeated properties, a cut. */
  private void pif() throws IOException {
    File f = corpus.file("systems.pif.json");
    HostileValues values = new HostileValues(random, true);
    Set<String> accepted = new LinkedHashSet<>();
    StringBuilder text = new StringBuilder("[");
    long n = 0;
    for (int i = 0; i < 1500; i++, n++) {
      text.append(i == 0 ? "" : ",\n");
      String formula = json(values.validFormula());
      String gap = "{\"name\": \"Band gap\", \"scalars\": [{\"value\": \"1.5\"}], \"units\": \"eV\", \"dataType\": \"EXPERIMENTAL\"}";
      int shape = random.nextInt(14);
      String system = switch (shape) {
        case 0 -> count("pif", "scalar_shape_object_or_plain", system(formula, values.pick(new String[] {
            "{\"name\": \"Band gap\", \"scalars\": {\"value\": \"1.5\"}, \"dataType\": \"EXPERIMENTAL\"}",
            "{\"name\": \"Band gap\", \"scalars\": \"1.5\", \"dataType\": \"EXPERIMENTAL\"}",
            "{\"name\": \"Band gap\", \"scalars\": 1.5, \"dataType\": \"EXPERIMENTAL\"}"})));
        case 1 -> count("pif", "scalar_two_values", system(formula,
            "{\"name\": \"Band gap\", \"scalars\": [{\"value\": \"1.1\"}, {\"value\": \"1.2\"}], \"dataType\": \"EXPERIMENTAL\"}"));
        case 2 -> count("pif", "computational_or_no_data_type", system(formula, values.pick(new String[] {
            gap.replace("EXPERIMENTAL", "COMPUTATIONAL"), gap.replace(", \"dataType\": \"EXPERIMENTAL\"", "")})));
        case 3 -> count("pif", "repeated_property", system(formula, gap + ", " + gap));
        case 4 -> count("pif", "not_a_system", values.pick(new String[] {"42", "[1, 2]", "\"GaAs\"", "null"}));
        case 5 -> count("pif", "formula_object_or_null", system(values.pick(new String[] {"{\"Fe\": 2}", "null"}), gap));
        default -> {
          Rec r = values.next();
          if (r.ok()) {
            accepted.add(HostileCorpus.place(f, n));
          }
          yield count("pif", r.kind(), system(json(r.formula()), "{\"name\": \"Band gap\", \"scalars\": [{\"value\": "
              + jsonNumberOrString(r.value()) + "}], " + (r.unit() == null ? "" : "\"units\": " + json(r.unit()) + ", ")
              + "\"dataType\": \"EXPERIMENTAL\"}"));
        }
      };
      if (shape == 0) {
        accepted.add(HostileCorpus.place(f, n)); // one valid scalar, whatever its shape
      }
      text.append(system);
    }
    text.append(",\n").append(count("pif", "over_long_record", system("\"NaCl\"", "{\"name\": \"Notes\", \"scalars\": [{\"value\": \""
        + "x".repeat(HostileCorpus.OVER_LONG) + "\"}]}")));
    text.append(",\n").append(count("pif", "truncated_mid_record", "{\"chemicalFormula\": \"NaCl\", \"propert"));
    n += 2;
    Files.writeString(f.toPath(), text);
    corpus.define("h_pif", "pif", List.of(f), "record { formula = chemicalFormula }\nvalues = [ { column = \"Band gap\","
        + " property = band_gap, fidelity = experiment, unit = eV, unit-column = \"Band gap.units\","
        + " require { \"Band gap.dataType\" = EXPERIMENTAL } } ]\n");
    corpus.expect("h_pif", "pif", n, accepted);
  }

  private static String system(String formula, String properties) {
    return "{\"chemicalFormula\": " + formula + ", \"properties\": [" + properties + "]}";
  }

  /** Two Parquet files of one source whose gap column changes type (double, then text) and gains a column. */
  private void parquet() throws IOException {
    HostileValues values = new HostileValues(random, true);
    Set<String> accepted = new LinkedHashSet<>();
    File doubles = corpus.file("gaps-double.parquet");
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 800; i++) {
      Rec r = values.next();
      rows.add(new Object[] {"q" + i, r.formula(), asDouble(r.value()), r.unit()});
      count("parquet", r.kind(), "");
      if (r.ok()) {
        accepted.add(HostileCorpus.place(doubles, i));
      }
    }
    HostileCorpus.parquet(doubles, "message r { optional binary id (STRING); optional binary formula (STRING);"
        + " optional double gap; optional binary unit (STRING); }", rows);
    File texts = corpus.file("gaps-text.parquet");
    rows = new ArrayList<>();
    for (int i = 0; i < 700; i++) {
      Rec r = values.next();
      rows.add(new Object[] {"t" + i, r.formula(), r.value(), r.unit(), i});
      count("parquet", r.kind(), "");
      if (r.ok()) {
        accepted.add(HostileCorpus.place(texts, i));
      }
    }
    rows.add(new Object[] {"long", "Fe".repeat(HostileCorpus.OVER_LONG / 2), "1.0", "eV", 0});
    count("parquet", "over_long_record", "");
    HostileCorpus.parquet(texts, "message r { optional binary id (STRING); optional binary formula (STRING);"
        + " optional binary gap (STRING); optional binary unit (STRING); optional int32 extra; }", rows);
    corpus.define("h_parquet", "parquet", List.of(doubles, texts), "record { formula = formula, id = id }\n" + GAP_UNIT);
    corpus.expect("h_parquet", "parquet", 1501, accepted);
  }

  /** A value in a double column: its number where it is one, else NaN (the verdict stays: refused); empty stays empty. */
  private static Double asDouble(String value) {
    if (value == null || value.isBlank() || value.equals("N/A") || value.equals("None") || value.equals("NA")) {
      return null;
    }
    try {
      return value.matches("[-+]?[0-9.]+([eE][-+]?[0-9]+)?") ? Double.valueOf(value) : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN; // 1.2.3
    }
  }

  private String count(String format, String kind, String text) {
    corpus.count(format, kind);
    return text;
  }

  private static String csvLine(String id, String formula, String value, String unit) {
    return csv(id) + "," + csv(formula) + "," + csv(value) + (unit == null ? "" : "," + csv(unit)) + "\n";
  }

  private static String csv(String field) {
    if (field == null) {
      return "";
    }
    boolean quote = field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r");
    return quote ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
  }

  private static String json(String s) {
    try {
      return s == null ? "null" : Json.MAPPER.writeValueAsString(s);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A decimal value as a JSON number token half of the time, else as a string: the two must read alike. */
  private String jsonNumberOrString(String value) {
    boolean number = value != null && value.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?") && random.nextBoolean();
    return number ? value : json(value);
  }

  private static String nested(int depth) {
    return "[".repeat(depth) + "1" + "]".repeat(depth);
  }
}
