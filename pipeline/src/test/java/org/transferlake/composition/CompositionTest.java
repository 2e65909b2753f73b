package org.transferlake.composition;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.transferlake.testing.SharedCsv;

class CompositionTest {
  @Test
  void elementsAreSortedBySymbolWithReducedAmountsAndAtomicFractions() {
    Composition c = FormulaParser.parse("Hg0.7Cd0.3Te");
    assertEquals(3, c.size());
    assertEquals("Cd", c.element(0));
    assertEquals("Hg", c.element(1));
    assertEquals("Te", c.element(2));
    assertEquals(48, c.atomicNumber(0));
    assertEquals(80, c.atomicNumber(1));
    assertEquals(52, c.atomicNumber(2));
    assertEquals(3, c.amount(0));
    assertEquals(7, c.amount(1));
    assertEquals(10, c.amount(2));
    assertEquals(0.15, c.fraction(0), 1e-15);
    assertEquals(0.35, c.fraction(1), 1e-15);
    assertEquals(0.5, c.fraction(2), 1e-15);
    assertArrayEquals(new int[] {48, 80, 52}, c.atomicNumbers());
    assertArrayEquals(new double[] {0.15, 0.35, 0.5}, c.fractions(), 1e-15);
  }

  @Test
  void alphabeticalMeansBySymbolNotByAtomicNumber() {
    Composition c = FormulaParser.parse("BBaBe");
    assertEquals("BBaBe", c.key());
    assertEquals(5, c.atomicNumber(0));
    assertEquals(56, c.atomicNumber(1));
    assertEquals(4, c.atomicNumber(2));
  }

  @Test
  void theCopiesHandedOutDoNotChangeTheComposition() {
    Composition c = FormulaParser.parse("NaCl");
    c.atomicNumbers()[0] = 1;
    c.fractions()[0] = 1;
    assertEquals(17, c.atomicNumber(0));
    assertEquals(0.5, c.fraction(0));
  }

  @Test
  void equalityAndHashFollowTheKey() {
    Composition a = FormulaParser.parse("K4Mn4O8");
    Composition b = FormulaParser.parse("O2MnK");
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals("KMnO2", a.toString());
    assertNotEquals(a, FormulaParser.parse("KMnO3"));
    assertNotEquals(FormulaParser.parse("NaCl"), FormulaParser.parse("NaBr"));
  }

  @Test
  void everyMatbenchKeyReadsBackIntoTheSameComposition() {
    SharedCsv gaps = SharedCsv.read("data/crabnet/matbench/expt_gap.csv");
    int formula = gaps.column("formula");
    assertAll(gaps.rows().stream().map(row -> () -> {
      Composition parsed = FormulaParser.parse(row[formula]);
      Composition read = Composition.ofKey(parsed.key());
      assertEquals(parsed, read, row[formula]);
      assertEquals(parsed.key(), read.key());
    }));
  }

  @ParameterizedTest
  @ValueSource(strings = {"H", "Cd3Hg7Te10", "Cl3CoH18N6", "Ag100Li33O200Sn67", "Fe999Ni", "Og"})
  void keysReadBackUnchanged(String key) {
    assertEquals(key, Composition.ofKey(key).key());
  }

  @ParameterizedTest(name = "{0} -> {1} at {2}")
  @CsvSource(delimiter = '|', textBlock = """
      ''        | empty composition key            | -1
      OFe       | not a canonical composition key  | 1
      ClCl      | not a canonical composition key  | 2
      Fe1O      | not a canonical composition key  | 2
      Fe02O3    | not a canonical composition key  | 2
      Fe2O4     | not a canonical composition key  | -1
      Fe2 O3    | not a canonical composition key  | 3
      fe        | not a canonical composition key  | 0
      2Fe       | not a canonical composition key  | 0
      Fe2O3x    | not a canonical composition key  | 5
      Fe(OH)2   | not a canonical composition key  | 2
      Fe2.5     | not a canonical composition key  | 3
      DO        | unknown element 'D'              | 0
      H99999999999999999999 | amount too large     | 1
      """)
  void onlyCanonicalKeysAreRead(String key, String reason, int position) {
    FormulaException e = assertThrows(FormulaException.class, () -> Composition.ofKey(key));
    assertEquals(reason, e.reason());
    assertEquals(position, e.position());
  }
}
