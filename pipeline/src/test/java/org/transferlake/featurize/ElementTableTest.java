package org.transferlake.featurize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ElementTableTest {
  private static final List<String> PROPERTIES = List.of("MeltingT", "Row");

  private static final List<ElementValue> ROWS = List.of(
      new ElementValue("H", "MeltingT", 14.0),
      new ElementValue("H", "Row", 1),
      new ElementValue("He", "Row", 1),
      new ElementValue("Li", "MeltingT", 454.0),
      new ElementValue("Li", "Row", Double.NaN),
      new ElementValue("Li", "Density", 534.0));

  @Test
  void rowsFillTheirCellsAndEverythingElseIsMissing() {
    ElementTable table = ElementTable.fromRows(PROPERTIES, ROWS);
    assertEquals(PROPERTIES, table.properties());
    assertEquals(2, table.propertyCount());
    assertEquals(14.0, table.value(1, 0));
    assertEquals(1.0, table.value(2, 1));
    assertEquals(454.0, table.value(3, 0));
    assertTrue(Double.isNaN(table.value(2, 0)), "He has no MeltingT row");
    assertTrue(Double.isNaN(table.value(3, 1)), "a NaN value is a missing value");
    assertTrue(Double.isNaN(table.value(118, 1)));
  }

  @Test
  void imputationFillsMissingCellsWithThePropertyMeanOverElementsThatHaveIt() {
    ElementTable raw = ElementTable.fromRows(PROPERTIES, ROWS);
    ElementTable imputed = raw.imputedWithPropertyMeans();
    assertEquals(234.0, imputed.value(2, 0));
    assertEquals(234.0, imputed.value(118, 0));
    assertEquals(1.0, imputed.value(3, 1));
    assertEquals(14.0, imputed.value(1, 0), "present values are kept");
    assertTrue(Double.isNaN(raw.value(2, 0)), "the original table is unchanged");
  }

  @Test
  void aPropertyNoElementHasStaysMissing() {
    ElementTable imputed = ElementTable.fromRows(List.of("Unheard"), ROWS).imputedWithPropertyMeans();
    assertTrue(Double.isNaN(imputed.value(1, 0)));
  }

  @Test
  void magpiesMissingMeltingPointOfHeliumIsImputedAsMatminerDoes() {
    ElementTable imputed = ElementTable.fromRows(MagpiePreset.PROPERTIES, MagpieElementRows.read())
        .imputedWithPropertyMeans();
    int meltingT = MagpiePreset.PROPERTIES.indexOf("MeltingT");
    assertEquals(1296.471485148515, imputed.value(2, meltingT), 1e-9);
  }

  @Test
  void unknownElementsRepeatedCellsAndRepeatedPropertiesAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> ElementTable.fromRows(PROPERTIES, List.of(new ElementValue("D", "Row", 1))));
    assertThrows(IllegalArgumentException.class, () -> ElementTable.fromRows(PROPERTIES,
        List.of(new ElementValue("H", "Row", 1), new ElementValue("H", "Row", 1))));
    assertThrows(IllegalArgumentException.class, () -> ElementTable.fromRows(List.of("Row", "Row"), ROWS));
  }

  @Test
  void theFingerprintFollowsNamesAndValues() {
    String fingerprint = ElementTable.fromRows(PROPERTIES, ROWS).fingerprint();
    assertEquals(16, fingerprint.length());
    assertEquals(fingerprint, ElementTable.fromRows(PROPERTIES, ROWS).fingerprint());
    assertNotEquals(fingerprint, ElementTable.fromRows(List.of("Row", "MeltingT"), ROWS).fingerprint());
    assertNotEquals(fingerprint, ElementTable.fromRows(PROPERTIES, ROWS.subList(1, ROWS.size())).fingerprint());
  }
}
