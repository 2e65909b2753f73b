package org.transferlake.composition;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.transferlake.testing.SharedCsv;

class FormulaParserTest {
  /** Far beyond the microseconds a parse takes: only a runaway (quadratic, recursive) scan fails it. */
  private static final Duration HOSTILE_LIMIT = Duration.ofSeconds(5);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      K4Mn4O8            | KMnO2
      KMnO2              | KMnO2
      Te0.5Se0.5         | SeTe
      SeTe               | SeTe
      Hg0.7Cd0.3Te       | Cd3Hg7Te10
      Cd3Hg7Te10         | Cd3Hg7Te10
      NaCl               | ClNa
      ClNa               | ClNa
      Mo3Nb1             | Mo3Nb
      NbMo3              | Mo3Nb
      F18Fe18O18         | FFeO
      Te0.6Se0.4         | Se2Te3
      Li0.33Ag1Sn0.67O2  | Ag100Li33O200Sn67
      Fe0.999Ni0.001     | Fe999Ni
      Ca(OH)2            | CaH2O2
      Mg3(PO4)2          | Mg3O8P2
      Ag(W3Br7)2         | AgBr14W6
      [Co(NH3)6]Cl3      | Cl3CoH18N6
      Co(NH3)6Cl3        | Cl3CoH18N6
      {Co[NH3]6}Cl3      | Cl3CoH18N6
      CuSO4.5H2O         | Cu2H4O11S2
      Cu1H2S1O5.5        | Cu2H4O11S2
      CuSO4·5H2O         | CuH10O9S
      CuSO4•5H2O         | CuH10O9S
      CuSO4*5H2O         | CuH10O9S
      CuSO4(H2O)5        | CuH10O9S
      CuSO4 · 5 H2O      | CuH10O9S
      Na2SO4·0.5H2O      | H2Na4O9S2
      2H2O               | H2O
      HOH                | H2O
      FeOFe              | Fe2O
      Fe.5O.5            | FeO
      Fe0.50O0.50        | FeO
      Fe1.500000000000000000000000O | Fe3O2
      '  Fe2O3  '        | Fe2O3
      Fe 2 O 3           | Fe2O3
      (Fe)2(O)3          | Fe2O3
      ((Fe)2)1(O3)1      | Fe2O3
      Og                 | Og
      """)
  void spellingsOfOneCompositionGiveOneKey(String formula, String key) {
    assertEquals(key, FormulaParser.parse(formula).key());
  }

  @ParameterizedTest(name = "{0} -> {1} at {2}")
  @CsvSource(delimiter = '|', textBlock = """
      ''                        | empty formula                             | -1
      '   '                     | empty formula                             | -1
      D2O                       | unknown element 'D'                       | 0
      Xx                        | unknown element 'Xx'                      | 0
      In1p1                     | unexpected character 'p'                  | 3
      fe2O3                     | unexpected character 'f'                  | 0
      Fe2+                      | unexpected character '+'                  | 3
      Fe-2O3                    | unexpected character '-'                  | 2
      Fe2 3                     | unexpected character '3'                  | 4
      (2H)O                     | unexpected character '2'                  | 1
      Y3N@C80                   | unexpected character '@'                  | 3
      Fe0O                      | amount 0 for 'Fe'                         | 2
      Fe0.0O                    | amount 0 for 'Fe'                         | 2
      Ca(OH)0                   | amount 0 for group                        | 6
      CuSO4·0H2O                | amount 0 for adduct                       | 6
      Ca(OH2                    | unbalanced parenthesis                    | 2
      CaOH)2                    | unbalanced parenthesis                    | 4
      Ca(OH(H2)                 | unbalanced parenthesis                    | 2
      Ca(OH]2                   | mismatched bracket ']' for '('            | 5
      Ca()2                     | empty brackets                            | 2
      (CuSO4·5H2O)              | unbalanced parenthesis                    | 0
      CuSO4·                    | expected an element                       | 6
      ·H2O                      | expected an element                       | 0
      CuSO4··H2O                | expected an element                       | 6
      5                         | expected an element                       | 1
      Na2CO3.H2O                | expected a digit after the decimal point  | 7
      Fe2.                      | expected a digit after the decimal point  | 4
      H99999999999999999999     | amount too large or too precise           | 1
      H0.0000000000000000001    | amount too large or too precise           | 1
      ((H1000000)1000000)100000000 | amount too large or too precise        | 19
      """)
  void malformedFormulasAreRefusedWithReasonAndPosition(String formula, String reason, int position) {
    FormulaException e = assertThrows(FormulaException.class, () -> FormulaParser.parse(formula));
    assertEquals(reason, e.reason());
    assertEquals(position, e.position());
    assertEquals(position < 0 ? reason : reason + " at " + position, e.getMessage());
  }

  @Test
  void nullIsRefused() {
    FormulaException e = assertThrows(FormulaException.class, () -> FormulaParser.parse(null));
    assertEquals(-1, e.position());
  }

  @Test
  void messagesQuoteAtMostAShortPieceOfTheInput() {
    FormulaException e = assertThrows(FormulaException.class, () -> FormulaParser.parse("A" + "a".repeat(10_000)));
    assertEquals("unknown element 'Aaaaaaaaaaaa…'", e.reason());
  }

  @Test
  void bracketsNestUpToTheLimitAndNoDeeper() {
    int limit = FormulaParser.MAX_DEPTH;
    assertEquals("H", FormulaParser.parse(nested(limit)).key());
    FormulaException e = assertThrows(FormulaException.class, () -> FormulaParser.parse(nested(limit + 1)));
    assertEquals("brackets nested deeper than " + limit, e.reason());
    assertEquals(limit, e.position());
  }

  @Test
  void hostileInputsFinishQuickly() {
    List<Executable> runs = new ArrayList<>();
    runs.add(() -> assertEquals("H", FormulaParser.parse("H".repeat(10_000)).key()));
    runs.add(() -> assertEquals("H", FormulaParser.parse("(H)2".repeat(2_500)).key()));
    runs.add(() -> assertEquals("H", FormulaParser.parse(nestedAround("H".repeat(9_000), 64, ")1")).key()));
    runs.add(() -> assertRefused("(".repeat(10_000) + "H" + ")".repeat(10_000)));
    runs.add(() -> assertRefused(")".repeat(10_000)));
    runs.add(() -> assertRefused("9".repeat(10_000)));
    runs.add(() -> assertRefused("H" + "9".repeat(10_000)));
    runs.add(() -> assertRefused("H0." + "0".repeat(10_000)));
    runs.add(() -> assertRefused("·".repeat(10_000)));
    runs.add(() -> assertRefused("H(" + "H(H)9".repeat(2_000)));
    for (Executable run : runs) {
      assertTimeoutPreemptively(HOSTILE_LIMIT, run);
    }
  }

  @Test
  void everyMatminerReferenceFormulaGivesTheKeyOfPymatgensReducedFormula() {
    SharedCsv sample = SharedCsv.read("reference/magpie_features_sample.csv");
    int formula = sample.column("formula");
    int reduced = sample.column("reduced_formula");
    assertEquals(153, sample.rows().size());
    assertAll(sample.rows().stream().map(row -> () -> assertEquals(
        FormulaParser.parse(row[reduced]).key(), FormulaParser.parse(row[formula]).key(), row[formula])));
  }

  @Test
  void formulasMatminerRefusesAreDecidedOneByOne() {
    SharedCsv refused = SharedCsv.read("reference/magpie_unparseable_by_matminer.csv");
    int formula = refused.column("formula");
    List<String> formulas = refused.rows().stream().map(row -> row[formula]).toList();
    assertEquals(List.of("CuSO4·5H2O", "In1p1", "D2O", "[Co(NH3)6]Cl3"), formulas);
    assertEquals("CuH10O9S", FormulaParser.parse("CuSO4·5H2O").key());
    assertEquals("Cl3CoH18N6", FormulaParser.parse("[Co(NH3)6]Cl3").key());
    assertEquals("unexpected character 'p' at 3", assertRefused("In1p1").getMessage());
    assertEquals("unknown element 'D' at 0", assertRefused("D2O").getMessage());
  }

  @Test
  void everyMatbenchExperimentalGapFormulaParsesIntoItsDocumentedNumberOfKeys() {
    SharedCsv gaps = SharedCsv.read("data/crabnet/matbench/expt_gap.csv");
    int formula = gaps.column("formula");
    Set<String> keys = new HashSet<>();
    for (String[] row : gaps.rows()) {
      keys.add(FormulaParser.parse(row[formula]).key());
    }
    assertEquals(4604, gaps.rows().size());
    assertEquals(4601, keys.size(), "SOURCES.md: three pairs of formulas reduce to one composition");
  }

  private static FormulaException assertRefused(String formula) {
    FormulaException e = assertThrows(FormulaException.class, () -> FormulaParser.parse(formula));
    assertTrue(e.getMessage().length() < 80, e.getMessage());
    return e;
  }

  private static String nested(int depth) {
    return nestedAround("H", depth, ")");
  }

  private static String nestedAround(String inner, int depth, String closer) {
    return "(".repeat(depth) + inner + closer.repeat(depth);
  }
}
