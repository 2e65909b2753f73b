package org.transferlake.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.config.PropertyCatalog;
import org.transferlake.config.SettingsLoader;
import org.transferlake.ingest.catalog.SourceCatalog;
import org.transferlake.ingest.catalog.SourceDefinition;

public class CsvSourceParserTest {
  public static final PropertyCatalog PROPERTIES =
      new SettingsLoader().withoutSystemProperties().load().properties();

  @TempDir
  File tmp;

  private SourceDefinition gapSource() throws IOException {
    return define("gaps", """
        format = csv
        files = ["gaps.csv"]
        licence = test
        citation = test
        record { formula = formula, id = id, conditions = [temperature] }
        values = [ { column = gap, property = band_gap, fidelity = experiment, unit = eV } ]
        """);
  }

  private SourceDefinition define(String id, String body) throws IOException {
    File f = new File(tmp, id + ".conf");
    Files.writeString(f.toPath(), "id = " + id + "\n" + body);
    return SourceCatalog.read(f, PROPERTIES);
  }

  private static CollectingSink parse(SourceDefinition source, String text) throws IOException {
    CollectingSink sink = new CollectingSink();
    CsvSourceParser.parse(source, "test.csv", new StringReader(text), 1000, sink);
    assertEquals(sink.refused.size(), sink.recordRejects().size(), "one whole-record reject per refused record");
    return sink;
  }

  @Test
  void javaNumberSyntaxAndControlCharactersInFormulasAreRefusedAndMinusZeroIsZero() throws IOException {
    CollectingSink sink = parse(gapSource(), "id,formula,gap,temperature\n"
        + "a,GaAs,2f,\nb,GaAs,1.5d,\nc,GaAs,0x1p1,\nd,Ga\u001FAs,1,\ne,\u0000NaCl,1,\nf,NaCl\u0007,1,\ng,NaCl,-0,\n");
    assertEquals(List.of(6L), sink.accepted);
    assertEquals(List.of(RejectCodes.NOT_A_NUMBER, RejectCodes.NOT_A_NUMBER, RejectCodes.NOT_A_NUMBER,
        RejectCodes.BAD_FORMULA, RejectCodes.BAD_FORMULA, RejectCodes.BAD_FORMULA),
        sink.recordRejects().stream().map(CollectingSink.Reject::code).toList());
    assertEquals("formula 'Ga\u001FAs': control character U+001F at 2", sink.recordRejects().get(3).reason());
    assertEquals("0.0", String.valueOf(sink.observations.get(0).value()), "not -0.0");
  }

  @Test
  void acceptsGoodRecordsWithKeysIdsAndConditions() throws IOException {
    CollectingSink sink = parse(gapSource(), "id,formula,gap,temperature\nr1,K4Mn4O8,1.5,300\nr2,Te0.5Se0.5,0,\n");
    assertEquals(List.of(0L, 1L), sink.accepted);
    assertEquals("KMnO2", sink.observations.get(0).key());
    assertEquals("K4Mn4O8", sink.observations.get(0).formula());
    assertEquals(1.5, sink.observations.get(0).value());
    assertEquals("r1", sink.observations.get(0).recordId());
    assertEquals(Map.of("temperature", "300"), sink.observations.get(0).conditions());
    assertEquals("SeTe", sink.observations.get(1).key());
    assertEquals(Map.of(), sink.observations.get(1).conditions());
  }

  @Test
  void byteOrderMarkCrlfAndBlankLinesDoNotDisturbRecordNumbers() throws IOException {
    CollectingSink sink = parse(gapSource(), "\uFEFFid,formula,gap,temperature\r\na,NaCl,1,\r\n\r\nb,GaAs,2,\r\n");
    assertEquals(List.of(0L, 1L), sink.accepted);
    assertEquals("GaAs", sink.observations.get(1).formula());
  }

  @Test
  void refusesBadValuesWithReasons() throws IOException {
    CollectingSink sink = parse(gapSource(), String.join("\n",
        "id,formula,gap,temperature",
        "a,D2O,1,",          // 0: unknown element
        "b,NaCl,abc,",       // 1: not a number
        "c,NaCl,NaN,",       // 2: not finite
        "d,NaCl,-0.5,",      // 3: negative gap
        "e,NaCl,2500,",      // 4: implausible for eV
        "f,NaCl,,",          // 5: no value
        "g,,1,",             // 6: no formula
        "h,NaCl,1",          // 7: a field short
        "i,GaAs,1.4,300"));  // 8: fine
    assertEquals(List.of(8L), sink.accepted);
    assertEquals(8, sink.refused.size());
    List<CollectingSink.Reject> r = sink.recordRejects();
    assertEquals(RejectCodes.BAD_FORMULA, r.get(0).code());
    assertTrue(r.get(0).reason().contains("unknown element 'D'"), r.get(0).reason());
    assertEquals(RejectCodes.NOT_A_NUMBER, r.get(1).code());
    assertEquals(RejectCodes.NOT_FINITE, r.get(2).code());
    assertEquals(RejectCodes.OUT_OF_RANGE, r.get(3).code());
    assertTrue(r.get(3).reason().contains("below the minimum 0.0 eV for band_gap"), r.get(3).reason());
    assertEquals("gap: 2500 eV is above the plausible maximum 30.0 eV for band_gap (is the unit eV right?)",
        r.get(4).reason(), "the value in the unit given, and the range's unit");
    assertEquals(RejectCodes.NO_VALUE, r.get(5).code());
    assertEquals(RejectCodes.NO_FORMULA, r.get(6).code());
    assertEquals(RejectCodes.MALFORMED_RECORD, r.get(7).code());
    assertTrue(r.get(7).reason().contains("expected 4 fields as in the header, found 3"), r.get(7).reason());
    assertEquals("b,NaCl,abc,", r.get(1).raw(), "the raw record is kept");
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L), r.stream().map(CollectingSink.Reject::record).toList());
  }

  @Test
  void anUnclosedQuoteRefusesOnlyItsLine() throws IOException {
    CollectingSink sink = parse(gapSource(),
        "id,formula,gap,temperature\na,\"NaCl,1,\nb,GaAs,1.4,\nc,\"Ga,As\",1.4,\n");
    assertEquals(3, sink.recordsRead());
    assertEquals(List.of(1L), sink.accepted);
    assertEquals(List.of(0L, 2L), sink.refused.subList(0, 2));
    assertTrue(sink.recordRejects().get(0).reason().contains("quoted field is not closed"),
        sink.recordRejects().get(0).reason());
    assertTrue(sink.recordRejects().get(1).reason().contains("formula 'Ga,As'"), "a quoted comma stays in its field");
  }

  @Test
  void anOverlongRecordIsRefusedAndReadingGoesOn() throws IOException {
    String huge = "x".repeat(5000);
    CollectingSink sink = parse(gapSource(), "id,formula,gap,temperature\na," + huge + ",1,\nb,GaAs,1,\n");
    assertEquals(List.of(1L), sink.accepted);
    assertTrue(sink.recordRejects().get(0).reason().startsWith("record longer than 1000 characters"));
  }

  @Test
  void labelsMapRawValuesToClasses() throws IOException {
    SourceDefinition source = define("metals", """
        format = csv
        files = ["m.csv"]
        licence = test
        citation = test
        record { formula = formula }
        values = [ { column = target, property = is_metal, fidelity = pbe, labels { "1" = metal, "0" = non_metal } } ]
        """);
    CollectingSink sink = parse(source, "formula,target\nCu,1.0\nNaCl,0\nSi,2\n");
    assertEquals(List.of("metal", "non_metal"), sink.observations.stream().map(CollectingSink.Obs::label).toList());
    assertNull(sink.observations.get(0).value());
    assertEquals(RejectCodes.UNKNOWN_LABEL, sink.recordRejects().get(0).code());
  }

  @Test
  void aWideRecordKeepsGoodValuesAndRejectsBadOnesByField() throws IOException {
    SourceDefinition source = define("wide", """
        format = csv
        files = ["w.csv"]
        licence = test
        citation = test
        record { formula = formula }
        values = [
          { column = pbe, property = band_gap, fidelity = pbe, unit = eV }
          { column = hse, property = band_gap, fidelity = hse06, unit = meV }
        ]
        """);
    CollectingSink sink = parse(source, "formula,pbe,hse\nGaAs,0.5,1400\nSi,-1,None\n");
    assertEquals(List.of(0L), sink.accepted);
    assertEquals(1.4, sink.observations.get(1).value(), 1e-12, "meV converted to eV");
    assertEquals(List.of(1L), sink.refused);
    assertTrue(sink.recordRejects().get(0).reason().startsWith("pbe: -1 eV is below"), sink.recordRejects().get(0).reason());

    CollectingSink partial = parse(source, "formula,pbe,hse\nGaAs,oops,1400\n");
    assertEquals(List.of(0L), partial.accepted);
    assertEquals(1, partial.observations.size());
    assertEquals("pbe", partial.rejects.get(0).field(), "a refused value inside an accepted record names its field");
  }

  @Test
  void elementTablesYieldOneValuePerPropertyAndRenameColumns() throws IOException {
    SourceDefinition source = define("elements", """
        kind = element-table
        format = csv
        files = ["e.csv"]
        licence = test
        citation = test
        element-table { element = element, ignore = [Z], rename { NValance = NValence }, units { MeltingT = K } }
        """);
    CollectingSink sink = parse(source, "Z,element,MeltingT,NValance\n1,H,14.01,1\n2,He,,2\n3,Xx,1,1\n4,Be,hot,\n");
    assertEquals(List.of(0L, 1L), sink.accepted);
    assertEquals(List.of(2L, 3L), sink.refused);
    assertEquals(3, sink.elementValues.size());
    assertEquals(new CollectingSink.ElementValue(0, "H", 1, "MeltingT", 14.01, "K"), sink.elementValues.get(0));
    assertEquals("NValence", sink.elementValues.get(1).property());
    assertTrue(sink.recordRejects().get(0).reason().contains("unknown element 'Xx'"));
  }

  @Test
  void aMissingColumnFailsTheFile() throws IOException {
    CollectingSink sink = parse(gapSource(), "id,formula,Eg,temperature\na,NaCl,1,\n");
    assertEquals(List.of("test.csv: column 'gap' not found (header: id, formula, Eg, temperature)"), sink.failures);
    assertEquals(0, sink.recordsRead());
  }

  @Test
  void anEmptyFileFails() throws IOException {
    CollectingSink sink = parse(gapSource(), "");
    assertEquals(List.of("test.csv is empty: no header line"), sink.failures);
  }
  @Test
  void aWideRecordKeepsConditionsPerValueUnitsFromTheRecordAndTheCatalogsRequirements() throws IOException {
    SourceDefinition source = define("methods", """
        format = csv
        files = ["m.csv"]
        licence = test
        citation = test
        record { formula = formula, id = id, conditions { space_group = sg } }
        values = [
          { column = pbe, property = band_gap, fidelity = pbe, unit = eV, conditions { transition = pbe_type } }
          { column = expt, property = band_gap, fidelity = experiment, unit = eV, unit-column = expt_unit,
            require { kind = [measured] }, conditions { reference = doi } }
          { column = icsd, property = band_gap, fidelity = experiment, unit = eV,
            refuse { code = unresolvable_id, reason = "ICSD ids need a licence" } }
          { column = colour, property = color, fidelity = experiment }
        ]
        """);
    CollectingSink sink = parse(source, String.join("\n",
        "id,formula,sg,pbe,pbe_type,expt,expt_unit,kind,doi,icsd,colour",
        "a,GaAs,F-43m,0.5,Direct,1520,meV,measured,10.1/x,,Black",
        "b,Si,Fd-3m,0.6,Indirect,1.1,furlong,measured,,,",
        "c,ZnO,P6_3mc,,,3.4,,computed,,,",
        "d,NaCl,Fm-3m,,,,,,,8.5,"));
    assertEquals(List.of(0L, 1L), sink.accepted);
    CollectingSink.Obs pbe = sink.observations.get(0);
    assertEquals(Map.of("space_group", "F-43m", "transition", "Direct"), pbe.conditions());
    CollectingSink.Obs expt = sink.observations.get(1);
    assertEquals(1.52, expt.value(), 1e-12, "the record's own unit, meV");
    assertEquals(Map.of("space_group", "F-43m", "reference", "10.1/x"), expt.conditions(), "conditions stay per value");
    assertEquals("Black", sink.observations.get(2).label(), "an open label property keeps the raw value");
    CollectingSink.Reject furlong = sink.rejects.get(0);
    assertEquals("expt", furlong.field());
    assertEquals(RejectCodes.UNKNOWN_UNIT, furlong.code());
    List<CollectingSink.Reject> whole = sink.recordRejects();
    assertEquals(RejectCodes.REQUIREMENT_NOT_MET, whole.get(0).code());
    assertTrue(whole.get(0).reason().contains("kind is 'computed', but band_gap/experiment/methods takes only measured"),
        whole.get(0).reason());
    assertEquals("unresolvable_id", whole.get(1).code());
    assertEquals("icsd: ICSD ids need a licence", whole.get(1).reason());
  }

  @Test
  void numberedElementColumnsGetTheirNamesOnce() throws IOException {
    SourceDefinition source = define("vectors", """
        kind = element-table
        format = csv
        files = ["v.csv"]
        licence = test
        citation = test
        element-table { element = element, numbered-columns = "mat2vec_%03d" }
        """);
    CollectingSink sink = parse(source, "element,0,1,199\nH,0.1,-0.2,0.3\n");
    assertEquals(List.of("mat2vec_000", "mat2vec_001", "mat2vec_199"),
        sink.elementValues.stream().map(CollectingSink.ElementValue::property).toList());
  }
}
