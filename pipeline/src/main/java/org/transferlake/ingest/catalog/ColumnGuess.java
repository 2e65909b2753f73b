package org.transferlake.ingest.catalog;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.transferlake.config.PropertyCatalog;
import org.transferlake.config.SettingsException;

/**
 * Which columns of a header hold a record's formula, its id and a property's value, and the value's unit from the
 * value column's name. Names are compared in lower snake case; an option of {@code source add} wins over the guess.
 */
final class ColumnGuess {
  /** Formula columns by name, the most telling first. */
  private static final List<String> FORMULA_NAMES = List.of("formula", "composition", "compound", "chemical_formula",
      "formula_pretty", "pretty_formula", "reduced_formula", "formula_reduced", "chemical_composition", "material");
  /** Record id columns by name, the most telling first. */
  private static final List<String> ID_NAMES = List.of("id", "sample_id", "sample", "material_id", "mp_id", "mpid",
      "task_id", "entry_id", "data_id", "record_id", "icsd_id", "sample_name");
  /** Other names of the shipped properties, as column names write them. */
  private static final Map<String, List<String>> ALIASES = Map.of(
      "band_gap", List.of("gap", "bandgap", "egap", "eg", "e_g"),
      "is_metal", List.of("metal", "metallic"),
      "color", List.of("colour"));
  /** The last (...) or [...] of a column name. */
  private static final Pattern BRACKETED = Pattern.compile(".*[(\\[]([^()\\[\\]]*)[)\\]]");

  /** A choice and where it came from. */
  private record Choice(String name, String from) {}

  private ColumnGuess() {}

  /** The mapping of {@code columns}; each option wins over its guess where given (not null). */
  static ColumnMapping guess(File file, List<String> columns, PropertyCatalog.Property property, String formulaOption,
      String valueOption, String unitOption) {
    Choice formula = formula(file, columns, formulaOption);
    Choice value = value(file, columns, property, formula.name(), valueOption);
    String id = ID_NAMES.stream().flatMap(n -> columns.stream().filter(c -> normal(c).equals(n))).filter(
        c -> !c.equals(formula.name()) && !c.equals(value.name())).findFirst().orElse(null);
    Choice unit = unit(value.name(), property, unitOption);
    List<String> unmapped = columns.stream().filter(c -> !c.equals(formula.name()) && !c.equals(value.name())
        && !c.equals(id)).toList();
    return new ColumnMapping(formula.name(), formula.from(), id, value.name(), value.from(), unit.name(), unit.from(),
        property.numeric() ? List.of() : property.labels(), unmapped);
  }

  /** A column name in lower snake case: {@code PBE Bandgap} is {@code pbe_bandgap}, {@code mpId} is {@code mp_id}. */
  static String normal(String name) {
    return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
        .replaceAll("^_+|_+$", "");
  }

  private static Choice formula(File file, List<String> columns, String option) {
    if (option != null) {
      return new Choice(column(file, columns, option, "--formula-column"), "--formula-column");
    }
    return FORMULA_NAMES.stream().flatMap(n -> columns.stream().filter(c -> normal(c).equals(n))).findFirst()
        .map(c -> new Choice(c, "its name")).orElseThrow(() -> new SettingsException(file + ": no column is named"
            + " as a formula (" + String.join(", ", FORMULA_NAMES) + "; columns: " + quoted(columns)
            + "): pass --formula-column NAME"));
  }

  private static Choice value(File file, List<String> columns, PropertyCatalog.Property property, String formula,
      String option) {
    if (option != null) {
      String column = column(file, columns, option, "--value-column");
      if (column.equals(formula)) {
        throw new SettingsException(file + ": --value-column " + option + " is the formula column");
      }
      return new Choice(column, "--value-column");
    }
    List<String> candidates = columns.stream().filter(c -> !c.equals(formula) && !idOrIndex(normal(c))).toList();
    if (candidates.size() == 1) {
      return new Choice(candidates.get(0), "the one column besides formula and ids");
    }
    List<String> named = candidates.stream().filter(c -> names(property.name(), c)).toList();
    if (named.size() == 1) {
      return new Choice(named.get(0), "its name mentions " + property.name());
    }
    if (candidates.isEmpty()) {
      throw new SettingsException(file + ": no column left for the value of " + property.name() + " (columns: "
          + quoted(columns) + "): pass --value-column NAME");
    }
    throw new SettingsException(file + ": " + (named.isEmpty() ? "no column is named for " + property.name()
        + " and several could hold it: " + quoted(candidates) : "several columns could hold " + property.name()
        + ": " + quoted(named)) + "; pass --value-column NAME with one of them");
  }

  /** The unit and where it came from; nulls for a label property. */
  private static Choice unit(String column, PropertyCatalog.Property property, String option) {
    if (!property.numeric()) {
      if (option != null) {
        throw new SettingsException("--unit " + option + ": " + property.name() + " is a label property: it has no"
            + " unit");
      }
      return new Choice(null, null);
    }
    List<String> known = Units.convertibleTo(property.unit());
    if (option != null) {
      if (!known.contains(option)) {
        throw new SettingsException("--unit " + option + ": cannot be converted to " + property.unit() + " for "
            + property.name() + " (known: " + String.join(", ", known) + ")");
      }
      return new Choice(option, "--unit");
    }
    Matcher m = BRACKETED.matcher(column);
    String bracketed = m.lookingAt() ? m.group(1).trim() : null;
    List<String> texts = new ArrayList<>();
    if (bracketed != null) {
      texts.add(bracketed);
    }
    for (int i = 0; i < column.length(); i++) {
      if ("_ /".indexOf(column.charAt(i)) >= 0) {
        texts.add(column.substring(i + 1).trim()); // gap_eV, Eg/eV
      }
    }
    for (String text : texts) {
      boolean lower = text.equals(text.toLowerCase(Locale.ROOT)); // mev is meV; MEV is not read as a unit
      for (String unit : known) {
        if (unit.equals(text) || lower && unit.toLowerCase(Locale.ROOT).equals(text)) {
          return new Choice(unit, "the column name");
        }
      }
    }
    return new Choice(property.unit(), "none in the column name" + (bracketed == null ? "" : " ('" + bracketed
        + "' is no unit known for " + property.unit() + ")") + ": " + property.name() + "'s canonical unit, check it");
  }

  private static String column(File file, List<String> columns, String name, String option) {
    if (!columns.contains(name)) {
      throw new SettingsException(file + ": " + option + " " + name + ": no such column (columns: " + quoted(columns)
          + ")");
    }
    return name;
  }

  /** An id, or a row index without a name (pandas writes '' or 'Unnamed: 0'): no value column. */
  private static boolean idOrIndex(String normal) {
    return ID_NAMES.contains(normal) || normal.endsWith("_id") || normal.isEmpty() || normal.equals("index")
        || normal.matches("unnamed_[0-9]+");
  }

  /** Whether a column's name holds the property's name, a word of it, or one of its other names. */
  private static boolean names(String property, String column) {
    String words = "_" + normal(column) + "_";
    return Stream.of(Stream.of(property, property.replace("_", "")),
            Stream.of(property.split("_")).filter(w -> w.length() >= 3),
            ALIASES.getOrDefault(property, List.of()).stream())
        .flatMap(s -> s).anyMatch(term -> words.contains("_" + term + "_"));
  }

  private static String quoted(List<String> columns) {
    return String.join(", ", columns.stream().map(c -> "'" + c + "'").toList());
  }
}
