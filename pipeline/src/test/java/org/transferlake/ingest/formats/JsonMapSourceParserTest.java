package org.transferlake.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.ingest.TestSources;
import org.transferlake.ingest.catalog.SourceDefinition;

class JsonMapSourceParserTest {
  @TempDir
  File tmp;

  /** Keyed by formula: every entry resolves on its own. */
  private SourceDefinition byFormula() throws IOException {
    return TestSources.define(tmp, "byformula", """
        format = json-map
        files = ["m.json"]
        licence = t
        citation = t
        record { formula = "$key" }
        values = [
          { column = pbe, property = band_gap, fidelity = pbe, unit = eV }
          { column = hse, property = band_gap, fidelity = hse06, unit = eV }
        ]
        """);
  }

  /** Keyed by id, as MEGNet: the formula comes from another source; ICSD-keyed groups are refused. */
  private SourceDefinition byId() throws IOException {
    TestSources.define(tmp, "ids", """
        format = csv
        files = ["ids.csv"]
        licence = t
        citation = t
        record { formula = formula, id = id }
        values = [ { column = gap, property = band_gap, fidelity = pbe, unit = eV } ]
        """);
    return TestSources.define(tmp, "byid", """
        format = json-map
        files = ["m.json"]
        licence = t
        citation = t
        record { id = "$key", formula-by-id = ids }
        values = [
          { column = pbe, property = band_gap, fidelity = pbe, unit = eV }
          { column = ordered_exp, property = band_gap, fidelity = experiment, unit = eV,
            refuse { code = unresolvable_id, reason = "ICSD id cannot be resolved to a formula without an ICSD licence" } }
        ]
        """);
  }

  @Test
  void anEntryLongerThanTheLimitIsRefusedOnItsOwn() throws IOException {
    CollectingSink sink = TestSources.parse(byFormula(), "{\"pbe\": {\"GaAs\": 0.5, \"" + "Fe".repeat(6000)
        + "\": 1.0, \"Si\": 1.1}}");
    assertEquals(List.of(0L, 2L), sink.accepted);
    assertEquals("record longer than 10000 characters", sink.recordRejects().get(0).reason());
    assertEquals(RejectCodes.MALFORMED_RECORD, sink.recordRejects().get(0).code());
  }

  @Test
  void eachEntryIsARecordNumberedAcrossGroupsInDocumentOrder() throws IOException {
    CollectingSink sink = TestSources.parse(byFormula(), """
        {"pbe": {"GaAs": 0.5, "NaCl": NaN, "Si": "abc", "ZnO": -1.0},
         "hse": {"GaAs": 1.4, "ZnS": 2500, "CdS": null, "CdTe": {"v": 1}, "D2O": 1.0},
         "scan": {"GaAs": 1.0}}
        """);
    assertEquals(List.of(0L, 4L), sink.accepted);
    assertEquals(10, sink.recordsRead());
    assertEquals("AsGa", sink.observations.get(1).key());
    assertEquals("hse06", sink.observations.get(1).fidelity());
    List<String> codes = sink.recordRejects().stream().map(CollectingSink.Reject::code).toList();
    assertEquals(List.of(RejectCodes.NOT_FINITE, RejectCodes.NOT_A_NUMBER, RejectCodes.OUT_OF_RANGE,
        RejectCodes.OUT_OF_RANGE, RejectCodes.NO_VALUE, RejectCodes.NOT_A_NUMBER, RejectCodes.BAD_FORMULA,
        RejectCodes.UNMAPPED), codes);
    assertEquals("{\"hse\": {\"ZnS\": 2500}}", sink.recordRejects().get(3).raw(), "the raw record is the entry");
    assertTrue(sink.recordRejects().get(7).reason().startsWith("group 'scan' is not mapped in byformula.conf"));
  }

  @Test
  void idKeyedEntriesWaitForTheirFormulaAndIcsdGroupsAreRefusedWithTheCatalogsReason() throws IOException {
    CollectingSink sink = TestSources.parse(byId(), """
        {"pbe": {"mp-1": 1.5, "mp-2": 0.0}, "ordered_exp": {"icsd-7": 1.3}}
        """);
    assertEquals(Map.of(0L, "mp-1", 1L, "mp-2"), sink.pending);
    assertNull(sink.observations.get(0).key(), "no composition key until the id is resolved");
    assertEquals("mp-1", sink.observations.get(0).recordId());
    CollectingSink.Reject icsd = sink.recordRejects().get(0);
    assertEquals(2L, icsd.record());
    assertEquals("unresolvable_id", icsd.code());
    assertEquals("ordered_exp: ICSD id cannot be resolved to a formula without an ICSD licence", icsd.reason());
  }

  @Test
  void aTruncatedDocumentKeepsEveryEntryBeforeTheCutAndRefusesTheRest() throws IOException {
    CollectingSink sink = TestSources.parse(byFormula(), "{\"pbe\": {\"GaAs\": 0.5, \"NaCl\": 5.0, \"Si");
    assertEquals(List.of(0L, 1L), sink.accepted);
    CollectingSink.Reject cut = sink.recordRejects().get(0);
    assertEquals(RejectCodes.TRUNCATED, cut.code());
    assertEquals(2L, cut.record());
    assertTrue(cut.reason().contains("the 2 entries before it are kept"), cut.reason());
    assertEquals(List.of(), sink.failures, "a cut document does not fail for the groups it never reached");

    CollectingSink broken = TestSources.parse(byFormula(), "{\"pbe\": {\"GaAs\": 0.5, \"NaCl\" 5.0}, \"hse\": {}}");
    assertEquals(List.of(0L), broken.accepted);
    assertEquals(RejectCodes.MALFORMED_RECORD, broken.recordRejects().get(0).code());
  }

  @Test
  void whatIsNotAMapOfGroupsFailsTheFile() throws IOException {
    assertEquals(List.of("test-file is empty: no JSON document"), TestSources.parse(byFormula(), " ").failures);
    assertTrue(TestSources.parse(byFormula(), "[1, 2]").failures.get(0).contains("expected a JSON object of groups"));
    assertEquals(List.of("test-file: group(s) [hse] not found (groups: pbe)"),
        TestSources.parse(byFormula(), "{\"pbe\": {\"GaAs\": 0.5}}").failures);
    CollectingSink notAMap = TestSources.parse(byFormula(), "{\"pbe\": [0.5], \"hse\": {\"GaAs\": 1.4}}");
    assertEquals(List.of(1L), notAMap.accepted);
    assertEquals("group 'pbe' is not an object of key → value", notAMap.recordRejects().get(0).reason());
  }
}
