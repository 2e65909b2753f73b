package org.transferlake.ingest;

import java.util.List;
import java.util.Random;
import org.transferlake.composition.FormulaParser;

/**
 * Hostile fields for a band gap source (eV, plausible 0 to 30), drawn from a seeded {@link Random}: each drawn
 * record says what kind of hostility it carries and whether the ingest must accept it.
 */
final class HostileValues {
  /**
   * One record's fields as text (null: absent) and the verdict the ingest must reach.
   *
   * @param unit the unit column's value, for sources that have one
   */
  record Rec(String kind, String formula, String value, String unit, boolean ok) {
    String key() {
      return FormulaParser.parse(formula).key();
    }
  }

  static final List<String> VALID_FORMULAS = List.of("NaCl", "GaAs", "Fe2O3", "Si", "ZnO", "CdTe", "K4Mn4O8",
      "CuSO4·5H2O", "Hg0.7Cd0.3Te", "Ba(NO3)2", "  GaN ", "Ca[Al2Si2O8]", "(NH4)2SO4", "LiFePO4", "In2O3");
  /** Latin letters and the Cyrillic or Greek letters that look the same. */
  private static final String[][] LOOKALIKES = {{"O", "\u041E"}, {"C", "\u0421"}, {"a", "\u0430"}, {"e", "\u0435"},
      {"N", "\u039D"}, {"K", "\u041A"}, {"T", "\u0422"}, {"S", "\u0405"}, {"i", "\u0456"}, {"B", "\u0392"}};
  private static final String[] ZERO_WIDTH = {"\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"};
  /** Control characters short of line breaks, which would change a text file's records rather than a field. */
  private static final String[] CONTROLS = {"\u0000", "\u0001", "\u0007", "\u0008", "\t", "\u001B", "\u001F",
      "\u007F", "\u0085"};
  private static final String[] UNKNOWN_ELEMENTS = {"Xx2O3", "Qa", "Fe2Oo3", "D2O", "Uue", "AbC", "J3N"};
  private static final String[] BAD_AMOUNTS = {"Fe0O3", "Fe-2O3", "Fe2O0", "(NaCl)0", "Fe2O3.", "Fe99999999999999999999O",
      "NaCl-", "Fe+3", "Fe2.O3", "0NaCl"};
  private static final String[] MISC_FORMULAS = {"nacl", "NACL", "\uFF26\uFF45\uFF12\uFF2F\uFF13", "Fe\u2082O\u2083",
      "Fe2O3 eV", "Fe2(O3", "Fe2O3)", "Fe2[O3)", "()", "·NaCl", "Na Cl Zz", "12345"};
  private static final String[] EMPTY_FORMULAS = {"", "   ", "N/A", "None"};
  private static final String[] HUGE_TINY = {"1e308", "1e400", "-1e400", "1" + "0".repeat(400), "1e-320", "4.9e-324",
      "2.2250738585072014E-308"};
  private static final String[] NOT_FINITE = {"NaN", "nan", "inf", "-inf", "Infinity", "-Infinity", "+Infinity"};
  private static final String[] EMPTY_VALUES = {"", "   ", "N/A", "None", "NA"};
  private static final String[] NEGATIVE = {"-0.5", "-1e-9", "-3", "-30.0"};
  private static final String[] JAVA_NUMBERS = {"2f", "1.5d", "0x1p1", "1_000", "1.5F", "0X1.8P1", "3D"};
  private static final String[] TEXT_NUMBERS = {"1,5", "3.2 eV", "\u0661\u066B\u0665", "true", "1.2.3", "e5", "--1",
      "1e", "½"};
  private static final String[] OUT_OF_RANGE = {"31", "2500", "1e5", "30.0001"};
  private static final String[] UNKNOWN_UNITS = {"ev", "EV", "furlong", "K", "eV/atom", "m eV", "electronvolt", "J"};

  private final Random random;
  private final boolean units;

  /** @param units whether records carry a unit column (converted to eV) */
  HostileValues(Random random, boolean units) {
    this.random = random;
    this.units = units;
  }

  /** A record of a kind drawn at random; about one in four is valid. */
  Rec next() {
    int k = random.nextInt(units ? 20 : 19);
    return switch (k) {
      case 0, 1, 2, 3 -> valid("valid");
      case 4 -> badFormula("lookalike_letter", lookalike());
      case 5 -> badFormula("zero_width_char", insert(validFormula().trim(), pick(ZERO_WIDTH)));
      case 6 -> badFormula("control_char", insert(validFormula().trim(), pick(CONTROLS)));
      case 7 -> badFormula("unknown_element", pick(UNKNOWN_ELEMENTS));
      case 8 -> badFormula("zero_negative_amount", pick(BAD_AMOUNTS));
      case 9 -> badFormula("deep_nesting", deepNesting());
      case 10 -> badFormula("long_string_10k", longString());
      case 11 -> badFormula(random.nextBoolean() ? "empty_formula" : "misc_bad_formula",
          random.nextBoolean() ? pick(EMPTY_FORMULAS) : pick(MISC_FORMULAS));
      case 12 -> hugeOrTiny();
      case 13 -> badValue("nan_inf", pick(NOT_FINITE));
      case 14 -> badValue("empty_value", pick(EMPTY_VALUES));
      case 15 -> negative();
      case 16 -> badValue(random.nextBoolean() ? "java_number_syntax" : "text_not_number",
          random.nextBoolean() ? pick(JAVA_NUMBERS) : pick(TEXT_NUMBERS));
      case 17 -> badValue("out_of_range", pick(OUT_OF_RANGE));
      case 18 -> units ? wrongUnit() : badValue("wrong_unit", Integer.toString(1000 + random.nextInt(9000))); // meV as eV
      default -> convertedUnit();
    };
  }

  /** A record whose formula is valid and whose value may be hostile (for sources whose formulas come by id). */
  Rec nextValue() {
    return switch (random.nextInt(10)) {
      case 0 -> hugeOrTiny();
      case 1 -> badValue("nan_inf", pick(NOT_FINITE));
      case 2 -> badValue("empty_value", pick(EMPTY_VALUES));
      case 3 -> negative();
      case 4 -> badValue("java_number_syntax", pick(JAVA_NUMBERS));
      default -> valid("valid");
    };
  }

  Rec valid(String kind) {
    return new Rec(kind, validFormula(), validValue(), units ? pick(new String[] {"eV", "", " eV "}) : null, true);
  }

  String validFormula() {
    return VALID_FORMULAS.get(random.nextInt(VALID_FORMULAS.size()));
  }

  String validValue() {
    return random.nextInt(10) == 0 ? "0" : String.format(java.util.Locale.ROOT, "%.3f", random.nextDouble() * 8);
  }

  String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }

  private Rec badFormula(String kind, String formula) {
    return new Rec(kind, formula, validValue(), units ? "eV" : null, false);
  }

  private Rec badValue(String kind, String value) {
    return new Rec(kind, validFormula(), value, units ? "eV" : null, false);
  }

  private Rec hugeOrTiny() {
    String v = pick(HUGE_TINY);
    double d = Double.parseDouble(v);
    return new Rec("huge_tiny_number", validFormula(), v, units ? "eV" : null, d > 0 && d < 1); // tiny: in range
  }

  private Rec negative() {
    boolean minusZero = random.nextInt(4) == 0;
    return minusZero ? new Rec("minus_zero", validFormula(), "-0", units ? "eV" : null, true)
        : badValue("negative_gap", pick(NEGATIVE));
  }

  private Rec wrongUnit() {
    return new Rec("unknown_unit", validFormula(), validValue(), pick(UNKNOWN_UNITS), false);
  }

  /** A valid gap given in another unit the ingest converts: meV or kJ/mol. */
  private Rec convertedUnit() {
    double ev = 0.1 + random.nextDouble() * 5;
    boolean mev = random.nextBoolean();
    String value = String.format(java.util.Locale.ROOT, "%.2f", mev ? ev * 1000 : ev / 0.010364269656262174);
    return new Rec("unit_conversion", validFormula(), value, mev ? "meV" : "kJ/mol", true);
  }

  private String lookalike() {
    while (true) {
      String f = validFormula().trim();
      String[] swap = LOOKALIKES[random.nextInt(LOOKALIKES.length)];
      int at = f.indexOf(swap[0]);
      if (at >= 0) {
        return f.substring(0, at) + swap[1] + f.substring(at + 1);
      }
    }
  }

  private String insert(String s, String what) {
    int at = random.nextInt(s.length() + 1);
    return s.substring(0, at) + what + s.substring(at);
  }

  private String deepNesting() {
    String[][] brackets = {{"(", ")"}, {"[", "]"}, {"{", "}"}};
    String[] b = brackets[random.nextInt(3)];
    int depth = 500 + random.nextInt(10);
    return b[0].repeat(depth) + "Fe2O3" + b[1].repeat(depth);
  }

  /** 10,000 characters of letters, digits and brackets with one character no formula holds. */
  private String longString() {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789()";
    StringBuilder s = new StringBuilder(10_000);
    for (int i = 0; i < 10_000; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    s.setCharAt(random.nextInt(10_000), '~');
    return s.toString();
  }
}
