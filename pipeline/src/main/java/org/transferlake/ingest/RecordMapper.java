package org.transferlake.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.transferlake.composition.Composition;
import org.transferlake.composition.Elements;
import org.transferlake.composition.FormulaException;
import org.transferlake.composition.FormulaParser;

/**
 * Turns one record's fields into observations or element values, whatever the file format, refusing
 * what cannot be used with a reason a person understands. A record that yields nothing is refused whole.
 */
final class RecordMapper {
  private final SourceDefinition source;
  private final IngestSink sink;

  RecordMapper(SourceDefinition source, IngestSink sink) {
    this.source = source;
    this.sink = sink;
  }

  /** The columns this source needs in every file. */
  List<String> requiredColumns() {
    List<String> columns = new ArrayList<>();
    if (source.kind() == SourceDefinition.Kind.OBSERVATIONS) {
      columns.add(source.formulaColumn());
      if (source.idColumn() != null) {
        columns.add(source.idColumn());
      }
      columns.addAll(source.conditionColumns());
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
   * @param field the record's value for a column
   */
  void map(long recordNumber, String raw, List<String> columns, Function<String, String> field) {
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
    String formula = field.apply(source.formulaColumn());
    if (isMissing(formula)) {
      refuse(recordNumber, raw, RejectCodes.NO_FORMULA, "no formula in column '" + source.formulaColumn() + "'");
      return;
    }
    String key;
    try {
      Composition composition = FormulaParser.parse(formula);
      key = composition.key();
    } catch (FormulaException e) {
      refuse(recordNumber, raw, RejectCodes.BAD_FORMULA, "formula '" + abbreviate(formula) + "': " + e.getMessage());
      return;
    }
    String recordId = source.idColumn() == null ? null : blankToNull(field.apply(source.idColumn()));
    Map<String, String> conditions = new LinkedHashMap<>();
    for (String column : source.conditionColumns()) {
      String v = field.apply(column);
      if (!isMissing(v)) {
        conditions.put(column, v.trim());
      }
    }
    List<Refusal> refused = new ArrayList<>();
    int written = 0;
    for (SourceDefinition.ValueMapping mapping : source.values()) {
      String value = field.apply(mapping.column());
      if (isMissing(value)) {
        continue;
      }
      value = value.trim();
      if (mapping.numeric()) {
        double canonical;
        try {
          canonical = canonicalNumber(mapping, value);
        } catch (Refused e) {
          refused.add(new Refusal(mapping.column(), e.code, e.getMessage()));
          continue;
        }
        sink.observation(recordNumber, key, formula.trim(), canonical, null, mapping.unit(), mapping.property(),
            mapping.fidelity(), recordId, conditions);
      } else {
        String label = mapping.labels().get(normaliseLabel(value));
        if (label == null) {
          refused.add(new Refusal(mapping.column(), RejectCodes.UNKNOWN_LABEL, "'" + abbreviate(value)
              + "' is not a known value for " + mapping.property() + " (expected one of "
              + String.join(", ", mapping.labels().keySet()) + ")"));
          continue;
        }
        sink.observation(recordNumber, key, formula.trim(), null, label, null, mapping.property(),
            mapping.fidelity(), recordId, conditions);
      }
      written++;
    }
    finish(recordNumber, raw, written, refused, "no value: "
        + String.join(", ", source.values().stream().map(SourceDefinition.ValueMapping::column).toList())
        + " empty");
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
      sink.elementValue(recordNumber, symbol, z, source.renamedColumns().getOrDefault(column, column), number,
          source.propertyUnits().getOrDefault(column, ""));
      written++;
    }
    finish(recordNumber, raw, written, refused, "no property values");
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

  private static double canonicalNumber(SourceDefinition.ValueMapping mapping, String value) {
    double canonical = finiteNumber(value) * mapping.factor();
    if (canonical < mapping.min()) {
      throw new Refused(RejectCodes.OUT_OF_RANGE, value + " is below the minimum " + mapping.min() + " " + mapping.unit()
          + " for " + mapping.property());
    }
    if (canonical > mapping.max()) {
      throw new Refused(RejectCodes.OUT_OF_RANGE, value + " is above the plausible maximum " + mapping.max() + " "
          + mapping.unit() + " for " + mapping.property() + " (wrong unit?)");
    }
    return canonical;
  }

  private static double finiteNumber(String value) {
    double d;
    try {
      d = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new Refused(RejectCodes.NOT_A_NUMBER, "'" + abbreviate(value) + "' is not a number");
    }
    if (!Double.isFinite(d)) {
      throw new Refused(RejectCodes.NOT_FINITE, "'" + value + "' is not a finite number");
    }
    return d;
  }

  /** {@code 1.0} and {@code 1} name the same class. */
  private static String normaliseLabel(String value) {
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
