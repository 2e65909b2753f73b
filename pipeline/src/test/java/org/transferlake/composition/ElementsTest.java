package org.transferlake.composition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ElementsTest {
  @Test
  void everySymbolMapsBackToItsAtomicNumber() {
    assertEquals(118, Elements.count());
    assertEquals("H", Elements.symbol(1));
    assertEquals("Fe", Elements.symbol(26));
    assertEquals("Og", Elements.symbol(118));
    for (int z = 1; z <= Elements.count(); z++) {
      assertEquals(z, Elements.atomicNumber(Elements.symbol(z)));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "D", "T", "fe", "FE", "Xx", "Uue", "Fe2", " H"})
  void anythingElseIsNoElement(String symbol) {
    assertEquals(-1, Elements.atomicNumber(symbol));
  }

  @Test
  void symbolsCanBeLookedUpInsideLongerText() {
    assertEquals(26, Elements.atomicNumber("K2Fe3", 2, 4));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 119, -1})
  void atomicNumbersOutsideTheTableHaveNoSymbol(int z) {
    assertThrows(IllegalArgumentException.class, () -> Elements.symbol(z));
  }
}
