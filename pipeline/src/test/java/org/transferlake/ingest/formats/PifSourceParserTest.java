package org.transferlake.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.ingest.TestSources;
import org.transferlake.ingest.catalog.SourceDefinition;

class PifSourceParserTest {
  @TempDir
  File tmp;

  private SourceDefinition source() throws IOException {
    return TestSources.define(tmp, "pif", """
        format = pif
        files = ["s.json"]
        licence = t
        citation = t
        record { formula = chemicalFormula, conditions { crystallinity = Crystallinity } }
        values = [
          { column = "Band gap", property = band_gap, fidelity = experiment, unit = eV, unit-column = "Band gap.units",
            require { "Band gap.dataType" = EXPERIMENTAL },
            conditions { temperature = "Band gap.conditions.Temperature", transition = "Band gap.conditions.Transition",
              method = "Band gap.method", data_type = "Band gap.dataType" } }
          { column = Color, property = color, fidelity = experiment, conditions { temperature = "Color.conditions.Temperature" } }
        ]
        """);
  }

  private static String system(String formula, String properties) {
    return "{\"category\": \"system.chemical\", \"chemicalFormula\": \"" + formula + "\", \"properties\": [" + properties + "]}";
  }

  private static final String GAP = "{\"name\": \"Band gap\", \"scalars\": [{\"value\": \"%s\"}], \"units\": \"%s\","
      + " \"conditions\": [{\"name\": \"Temperature\", \"scalars\": [{\"value\": \"300\"}], \"units\": \"K\"},"
      + " {\"name\": \"Transition\", \"scalars\": [{\"value\": \"Direct\"}]}],"
      + " \"method\": {\"name\": \"Absorption\"}, \"dataType\": \"%s\"}";

  private static String gap(String value, String units, String dataType) {
    return String.format(GAP, value, units, dataType);
  }

  @Test
  void aSystemGivesItsGapWithConditionsAndItsColourAsARawLabel() throws IOException {
    String text = "[" + String.join(",\n",
        system("Cd1S1", gap("2.42", "eV", "EXPERIMENTAL") + ", {\"name\": \"Color\", \"scalars\": [{\"value\": \"Yellow\"}],"
            + " \"dataType\": \"EXPERIMENTAL\"}, {\"name\": \"Crystallinity\", \"scalars\": [{\"value\": \"Single crystalline\"}]},"
            + " {\"name\": \"Crystallinity\", \"scalars\": [{\"value\": \"Thin film\"}]}"),
        system("In1p1", gap("1.3", "eV", "EXPERIMENTAL")),
        system("Be1S1", gap("4.17", "eV", "COMPUTATIONAL")),
        system("Mg1Cl1", "{\"name\": \"Photoluminescence\", \"scalars\": [{\"value\": \"True\"}]}"),
        system("Ga1As1", gap("1520", "meV", "EXPERIMENTAL")),
        system("Ga1N1", gap("3.4", "furlongs", "EXPERIMENTAL")),
        system("Zn1O1", gap("3.3", "eV", "EXPERIMENTAL") + "," + gap("3.4", "eV", "EXPERIMENTAL")),
        "42") + "]";
    CollectingSink sink = TestSources.parse(source(), text);
    assertEquals(List.of(0L, 4L), sink.accepted);
    assertEquals(8, sink.recordsRead());
    CollectingSink.Obs cds = sink.observations.get(0);
    assertEquals("CdS", cds.key());
    assertEquals(2.42, cds.value());
    assertEquals(Map.of("temperature", "300 K", "transition", "Direct", "method", "Absorption",
        "data_type", "EXPERIMENTAL", "crystallinity", "Single crystalline; Thin film"), cds.conditions(),
        "a repeated condition keeps both values; only a repeated value property is ambiguous");
    assertEquals("Yellow", sink.observations.get(1).label());
    assertEquals("color", sink.observations.get(1).property());
    assertEquals(1.52, sink.observations.get(2).value(), 1e-12, "the PIF's own units, meV");
    List<CollectingSink.Reject> r = sink.recordRejects();
    assertEquals(RejectCodes.BAD_FORMULA, r.get(0).code());
    assertEquals("formula 'In1p1': unexpected character 'p' at 3", r.get(0).reason());
    assertEquals(RejectCodes.REQUIREMENT_NOT_MET, r.get(1).code());
    assertTrue(r.get(1).reason().contains("Band gap.dataType is 'COMPUTATIONAL'"), r.get(1).reason());
    assertEquals(RejectCodes.NO_VALUE, r.get(2).code());
    assertEquals(RejectCodes.UNKNOWN_UNIT, r.get(3).code());
    assertEquals(RejectCodes.MALFORMED_RECORD, r.get(4).code());
    assertTrue(r.get(4).reason().contains("several properties named [Band gap]"), r.get(4).reason());
    assertEquals("not a PIF system (a JSON object)", r.get(5).reason());
  }

  @Test
  void aTruncatedFileKeepsTheSystemsBeforeTheCut() throws IOException {
    String whole = "[" + system("Cd1S1", gap("2.42", "eV", "EXPERIMENTAL")) + ",\n"
        + system("Ga1As1", gap("1.42", "eV", "EXPERIMENTAL")) + "]";
    CollectingSink sink = TestSources.parse(source(), whole.substring(0, whole.length() - 40));
    assertEquals(List.of(0L), sink.accepted);
    CollectingSink.Reject cut = sink.recordRejects().get(0);
    assertEquals(RejectCodes.TRUNCATED, cut.code());
    assertEquals(1L, cut.record());
    assertTrue(cut.reason().contains("the 1 systems before it are kept"), cut.reason());
  }

  @Test
  void aSingleSystemIsADocumentTooAndAnEmptyArrayFails() throws IOException {
    assertEquals(List.of(0L), TestSources.parse(source(), system("Cd1S1", gap("2.42", "eV", "EXPERIMENTAL"))).accepted);
    assertEquals(List.of("test-file holds no PIF systems"), TestSources.parse(source(), "[]").failures);
    assertTrue(TestSources.parse(source(), "[" + system("Cd1S1", "") + "]").failures.get(0)
        .contains("appear in no PIF system"));
  }
}
