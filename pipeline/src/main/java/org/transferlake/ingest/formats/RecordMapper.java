package org.transferlake.ingest.formats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.transferlake.composition.Composition;
import org.transferlake.composition.Elements;
import org.transferlake.composition.FormulaException;
import org.transferlake.composition.FormulaParser;
import org.transferlake.ingest.catalog.SourceDefinition;
import org.transferlake.ingest.catalog.Units;

/**
 * Turns one record's fields into observations or element values, whatever the file format, refusing
 * what cannot be used with a reason a person understands. A record that yields nothing is refused whole.
 * A record whose formula comes through another source's ids yields observations without a composition key
 * and waits for {@link IdResolution}.
 */
final class RecordMapper {
  private final SourceDefinition source;
  private final IngestSink sink;
  /** Element tables: property name per column, computed once per file rather than once per value. */
  private final Map<String, String> propertyNames = new HashMap<>();

  RecordMapper(SourceDefinition source, IngestSink sink) {
    this.source = source;
    this.sink = sink;
  }

  /** Every column this source reads, which a file with a header (CSV, Parquet) must have. */
  List<String> requiredColumns() {
    Set<String> columns = new LinkedHashSet<>(essentialColumns());
    if (source.kind() == SourceDefinition.Kind.OBSERVATIONS) {
      if (source.idColumn() != null) {
        columns.add(source.idColumn());
      }
      columns.addAll(source.conditionColumns().values());
      for (SourceDefinition.ValueMapping v : source.values()) {
        columns.addAll(v.conditionColumns().values());
        columns.addAll(v.require().keySet());
        if (v.unitColumn() != null) {
          columns.add(v.unitColumn());
        }
      }
    }
    return List.copyOf(columns);
  }

  /**
   * The columns that must appear in at least one record of a file without a header (JSON lines, PIF), so
   * that a misspelt column fails the source instead of refusing every record.
   */
  List<String> essentialColumns() {
    List<String> columns = new ArrayList<>();
    if (source.kind() == SourceDefinition.Kind.OBSERVATIONS) {
      columns.add(source.formulaById() == null ? source.formulaColumn() : source.idColumn());
      source.values().forEach(v -> columns.add(v.column()));
    } else {
      columns.add(source.elementColumn());
    }
    return columns;
  }

  /**
   * Maps one record.
   *
   * @param columns the record's column names, in order (element tables take every column as a property)
   * @param field the record's value for a column, null when the record lacks it
   */
  void map(long recordNumber, String raw, List<String> columns, Function<String, String> field) {
    if (raw != null && raw.indexOf('\uFFFD') >= 0) {
      refuse(recordNumber, raw, RejectCodes.BAD_ENCODING, "holds bytes that are not valid " + source.encoding()
          + " (shown as \uFFFD); if the file is in another encoding, declare it with encoding = \"...\" in "
          + new java.io.File(source.definitionFile()).getName());
      return;
    }
    if (source.kind() == SourceDefinition.Kind.OBSERVATIONS) {
      mapObservations(recordNumber, raw, field);
    } else {
      mapElementValues(recordNumber, raw, columns, field);
    }
  }

  /** A record that could not even be split into fields. */
  void refuse(long recordNumber, String raw, String code, String reason) {
    sink.reject(recordNumber, null, raw, code, reason);
    sink.record(recordNumber, false);
  }

  private void mapObservations(long recordNumber, String raw, Function<String, String> field) {
    String recordId = source.idColumn() == null ? null : blankToNull(field.apply(source.idColumn()));
    String formula = null;
    String key = null;
    if (source.formulaById() == null) {
      formula = field.apply(source.formulaColumn());
      if (isMissing(formula)) {
        refuse(recordNumber, raw, RejectCodes.NO_FORMULA, "no formula in column '" + source.formulaColumn() + "'");
        return;
      }
      int control = firstControlCharacter(formula);
      if (control >= 0) {
        refuse(recordNumber, raw, RejectCodes.BAD_FORMULA, "formula '" + abbreviate(formula) + "': control character U+"
            + String.format("%04X", (int) formula.charAt(control)) + " at " + control);
        return;
      }
      formula = formula.trim();
      try {
        Composition composition = FormulaParser.parse(formula);
        key = composition.key();
      } catch (FormulaException e) {
        refuse(recordNumber, raw, RejectCodes.BAD_FORMULA, "formula '" + abbreviate(formula) + "': " + e.getMessage());
        return;
      }
    } else if (recordId == null) {
      refuse(recordNumber, raw, RejectCodes.NO_ID, "no id in column '" + source.idColumn() + "' to find the formula"
          + " in source '" + source.formulaById() + "'");
      return;
    }
    Map<String, String> conditions = conditions(source.conditionColumns(), field, Map.of());
    List<Refusal> refused = new ArrayList<>();
    int written = 0;
    for (SourceDefinition.ValueMapping mapping : source.values()) {
      String value = field.apply(mapping.column());
      if (isMissing(value)) {
        continue;
      }
      value = value.trim();
      try {
        checkUsable(mapping, value, field);
        Map<String, String> valueConditions = conditions(mapping.conditionColumns(), field, conditions);
        if (mapping.numeric()) {
          sink.observation(recordNumber, key, formula, canonicalNumber(mapping, value, field), null, mapping.unit(),
              mapping.property(), mapping.fidelity(), recordId, valueConditions);
        } else {
          sink.observation(recordNumber, key, formula, null, label(mapping, value), null, mapping.property(),
              mapping.fidelity(), recordId, valueConditions);
        }
        written++;
      } catch (Refused e) {
        refused.add(new Refusal(mapping.column(), e.code, e.getMessage()));
      }
    }
    String columns = String.join(", ", source.values().stream().map(SourceDefinition.ValueMapping::column).toList());
    if (written > 0 && key == null) {
      refused.forEach(r -> sink.reject(recordNumber, r.field(), raw, r.code(), r.reason()));
      sink.pendingRecord(recordNumber, recordId, raw);
      return;
    }
    finish(recordNumber, raw, written, refused, "no value: " + columns + " empty");
  }

  /** The catalog's refusal, then its requirements on other columns. */
  private void checkUsable(SourceDefinition.ValueMapping mapping, String value, Function<String, String> field) {
    if (mapping.refusal() != null) {
      throw new Refused(mapping.refusal().code(), mapping.refusal().reason());
    }
    for (Map.Entry<String, Set<String>> requirement : mapping.require().entrySet()) {
      String actual = field.apply(requirement.getKey());
      String shown = actual == null ? "absent" : "'" + abbreviate(actual.trim()) + "'";
      if (actual == null || !requirement.getValue().contains(actual.trim())) {
        throw new Refused(RejectCodes.REQUIREMENT_NOT_MET, requirement.getKey() + " is " + shown + ", but "
            + mapping.context(source.id()) + " takes only " + String.join(" or ", requirement.getValue())
            + " (value " + abbreviate(value) + ")");
      }
    }
  }

  private Map<String, String> conditions(Map<String, String> columns, Function<String, String> field,
      Map<String, String> base) {
    if (columns.isEmpty()) {
      return base;
    }
    Map<String, String> out = new LinkedHashMap<>(base);
    columns.forEach((name, column) -> {
      String v = field.apply(column);
      if (!isMissing(v)) {
        out.put(name, v.trim());
      }
    });
    return out;
  }

  private String label(SourceDefinition.ValueMapping mapping, String value) {
    if (mapping.labels().isEmpty()) {
      return value; // an open label property: the raw value is the class
    }
    String label = mapping.labels().get(normaliseLabel(value));
    if (label == null) {
      throw new Refused(RejectCodes.UNKNOWN_LABEL, "'" + abbreviate(value) + "' is not a known value for "
          + mapping.property() + " (expected one of " + String.join(", ", mapping.labels().keySet()) + ")");
    }
    return label;
  }

  private void mapElementValues(long recordNumber, String raw, List<String> columns, Function<String, String> field) {
    String symbol = field.apply(source.elementColumn());
    symbol = symbol == null ? "" : symbol.trim();
    int z = Elements.atomicNumber(symbol);
    if (z < 0) {
      refuse(recordNumber, raw, RejectCodes.UNKNOWN_ELEMENT,
          "unknown element '" + abbreviate(symbol) + "' in column '" + source.elementColumn() + "'");
      return;
    }
    List<Refusal> refused = new ArrayList<>();
    int written = 0;
    for (String column : columns) {
      if (column.equals(source.elementColumn()) || source.ignoredColumns().contains(column)) {
        continue;
      }
      String value = field.apply(column);
      if (isMissing(value)) {
        continue;
      }
      double number;
      try {
        number = finiteNumber(value.trim());
      } catch (Refused e) {
        refused.add(new Refusal(column, e.code, e.getMessage()));
        continue;
      }
      sink.elementValue(recordNumber, symbol, z, propertyNames.computeIfAbsent(column, this::propertyName), number,
          source.propertyUnits().getOrDefault(column, ""));
      written++;
    }
    finish(recordNumber, raw, written, refused, "no property values");
  }

  /** The catalog's name for an element table's column: renamed, numbered ({@code 7} → mat2vec_007) or as is. */
  private String propertyName(String column) {
    String renamed = source.renamedColumns().get(column);
    if (renamed != null) {
      return renamed;
    }
    if (source.numberedColumns() != null && column.matches("[0-9]{1,9}")) {
      return String.format(source.numberedColumns(), Integer.parseInt(column));
    }
    return column;
  }

  private void finish(long recordNumber, String raw, int written, List<Refusal> refused, String emptyReason) {
    if (written > 0) {
      for (Refusal r : refused) {
        sink.reject(recordNumber, r.field(), raw, r.code(), r.reason());
      }
      sink.record(recordNumber, true);
      return;
    }
    if (refused.isEmpty()) {
      refuse(recordNumber, raw, RejectCodes.NO_VALUE, emptyReason);
    } else {
      refuse(recordNumber, raw, refused.get(0).code(),
          String.join("; ", refused.stream().map(r -> r.field() + ": " + r.reason()).toList()));
    }
  }

  /** A value refused inside a record. */
  private record Refusal(String field, String code, String reason) {}

  /** Why a value cannot be used, with its category. */
  private static final class Refused extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String code;

    Refused(String code, String message) {
      super(message);
      this.code = code;
    }
  }

  private static double canonicalNumber(SourceDefinition.ValueMapping mapping, String value,
      Function<String, String> field) {
    double factor = mapping.factor();
    String given = mapping.declaredUnit();
    String unit = mapping.unitColumn() == null ? null : field.apply(mapping.unitColumn());
    if (unit != null && !unit.isBlank()) {
      given = unit.trim();
      factor = Units.factor(unit.trim(), mapping.unit());
      if (Double.isNaN(factor)) {
        throw new Refused(RejectCodes.UNKNOWN_UNIT, "unit '" + abbreviate(unit.trim()) + "' (" + mapping.unitColumn()
            + ") cannot be converted to " + mapping.unit() + " (known: " + Units.known() + ")");
      }
    }
    double canonical = finiteNumber(value) * factor;
    // the value in the unit it was given, and in the unit of the range it is compared against
    String asGiven = value + " " + abbreviate(given)
        + (given.equals(mapping.unit()) ? "" : " (" + canonical + " " + mapping.unit() + ")");
    if (canonical < mapping.min()) {
      throw new Refused(RejectCodes.OUT_OF_RANGE, asGiven + " is below the minimum " + mapping.min() + " "
          + mapping.unit() + " for " + mapping.property());
    }
    if (canonical > mapping.max()) {
      throw new Refused(RejectCodes.OUT_OF_RANGE, asGiven + " is above the plausible maximum " + mapping.max() + " "
          + mapping.unit() + " for " + mapping.property() + " (is the unit " + abbreviate(given) + " right?)");
    }
    return canonical;
  }

  private static double finiteNumber(String value) {
    if (!decimalCharacters(value)) {
      if (value.matches("[+-]?(NaN|Infinity)")) {
        throw new Refused(RejectCodes.NOT_FINITE, "'" + value + "' is not a finite number");
      }
      throw new Refused(RejectCodes.NOT_A_NUMBER, "'" + abbreviate(value) + "' is not a number");
    }
    double d;
    try {
      d = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new Refused(RejectCodes.NOT_A_NUMBER, "'" + abbreviate(value) + "' is not a number");
    }
    if (!Double.isFinite(d)) {
      throw new Refused(RejectCodes.NOT_FINITE, "'" + value + "' is not a finite number");
    }
    return d == 0 ? 0.0 : d; // -0 is 0
  }

  /**
   * Whether a value holds only the characters of decimal notation: Java's parser also takes hexadecimal
   * ({@code 0x1p1}) and type suffixes ({@code 2f}, {@code 1.5d}), which no data file means as numbers.
   */
  private static boolean decimalCharacters(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** The index of the first ISO control character (NUL, BEL, ESC, tab, line breaks, ...), or -1. */
  private static int firstControlCharacter(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isISOControl(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** {@code 1.0} and {@code 1} name the same class. */
  private static String normaliseLabel(String value) {
    if (!decimalCharacters(value)) {
      return value;
    }
    try {
      double d = Double.parseDouble(value);
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString((long) d);
      }
    } catch (NumberFormatException e) {
      // not a number: the label as written
    }
    return value;
  }

  private boolean isMissing(String value) {
    return value == null || source.missingValues().contains(value.trim());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "…(" + s.length() + " characters)";
  }
}
