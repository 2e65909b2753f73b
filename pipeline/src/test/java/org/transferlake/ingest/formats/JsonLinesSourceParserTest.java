package org.transferlake.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.ingest.TestSources;
import org.transferlake.ingest.catalog.SourceDefinition;

class JsonLinesSourceParserTest {
  @TempDir
  File tmp;

  private SourceDefinition source() throws IOException {
    return TestSources.define(tmp, "lines", """
        format = json-lines
        files = ["l.jsonl"]
        licence = t
        citation = t
        record { formula = formula, id = id, conditions = [temperature] }
        values = [ { column = gap, property = band_gap, fidelity = experiment, unit = eV } ]
        """);
  }

  @Test
  void eachLineIsARecordAndEachBadLineIsRefusedOnItsOwn() throws IOException {
    CollectingSink sink = TestSources.parse(source(), String.join("\n",
        "\uFEFF{\"id\": \"a\", \"formula\": \"GaAs\", \"gap\": 1.42, \"temperature\": 300}",
        "",
        "{\"formula\": \"NaCl\", \"gap\": NaN}",
        "{\"formula\": \"Si\", \"gap\": \"abc\"}",
        "{\"formula\": \"ZnO\", \"gap\": -0.5}",
        "{\"formula\": \"ZnS\", \"gap\": 2500}",
        "{\"formula\": \"CdS\", \"gap\": {\"value\": 2.4}}",
        "{\"formula\": \"CdTe\", \"gap\": 1.5",
        "[1, 2]",
        "{\"formula\": \"InP\", \"gap\": 1.3} trailing",
        "{\"formula\": \"InAs\", \"gap\": null}",
        "{\"id\": \"k\", \"formula\": \"GaN\", \"gap\": \"3.4\"}"));
    assertEquals(List.of(0L, 10L), sink.accepted);
    assertEquals(11, sink.recordsRead(), "the blank line is not a record");
    assertEquals("a", sink.observations.get(0).recordId());
    assertEquals("300", sink.observations.get(0).conditions().get("temperature"));
    assertEquals(3.4, sink.observations.get(1).value(), "a number written as a string is still a number");
    List<String> codes = sink.recordRejects().stream().map(CollectingSink.Reject::code).toList();
    assertEquals(List.of(RejectCodes.NOT_FINITE, RejectCodes.NOT_A_NUMBER, RejectCodes.OUT_OF_RANGE,
        RejectCodes.OUT_OF_RANGE, RejectCodes.NOT_A_NUMBER, RejectCodes.MALFORMED_RECORD, RejectCodes.MALFORMED_RECORD,
        RejectCodes.MALFORMED_RECORD, RejectCodes.NO_VALUE), codes);
    CollectingSink.Reject cut = sink.recordRejects().get(5);
    assertTrue(cut.reason().startsWith("not valid JSON: "), cut.reason());
    assertTrue(cut.reason().contains("line 1"), cut.reason());
    assertEquals("expected a JSON object, found array", sink.recordRejects().get(6).reason());
    assertTrue(sink.recordRejects().get(7).reason().startsWith("not valid JSON: "), "text after the object");
  }

  @Test
  void aKeyThatNoRecordHoldsFailsTheFileAndSoDoesAnEmptyFile() throws IOException {
    CollectingSink sink = TestSources.parse(source(), "{\"formula\": \"GaAs\", \"Eg\": 1.42}\n");
    assertEquals(List.of("test-file: key(s) [gap] appear in no record (keys seen: [Eg, formula])"), sink.failures);
    assertEquals(List.of("test-file is empty: no JSON lines"), TestSources.parse(source(), "\n\n").failures);
  }
}
