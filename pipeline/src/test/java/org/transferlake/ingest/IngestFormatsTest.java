package org.transferlake.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.ingest.catalog.SourceCatalog;
import org.transferlake.ingest.formats.ParquetSourceParserTest;
import org.transferlake.ingest.formats.RejectCodes;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;
import org.transferlake.testing.TestSpark;

/** Every format end to end on small files of its own: counts balance, a second run changes nothing. */
class IngestFormatsTest {
  @TempDir
  File tmp;

  private File mirror() {
    return new File(tmp, "mirror");
  }

  private File catalogDir() {
    return new File(tmp, "sources");
  }

  private static void write(File f, String text) throws IOException {
    f.getParentFile().mkdirs();
    Files.writeString(f.toPath(), text, StandardCharsets.UTF_8);
  }

  private void define(String id, String body) throws IOException {
    write(new File(catalogDir(), id + ".conf"), "id = " + id + "\nlicence = t\ncitation = t\n" + body);
  }

  private List<SourceOutcome> run(Lake lake, String runId, String... only) {
    SourceCatalog catalog = SourceCatalog.load(catalogDir(), TestSources.PROPERTIES);
    return new IngestJob(lake, mirror().getPath(), 10_000).run(runId, catalog.select(List.of(only)));
  }

  private static SourceOutcome outcome(List<SourceOutcome> outcomes, String id) {
    return outcomes.stream().filter(o -> o.sourceId().equals(id)).findFirst().orElseThrow();
  }

  private static Map<String, Long> countBySource(Lake lake, LakeTable table, String where) {
    return lake.spark().sql("SELECT source_id, count(*) FROM " + lake.name(table) + " WHERE " + where
        + " GROUP BY source_id").collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
  }

  private static final String GAP = "values = [ { column = gap, property = band_gap, fidelity = pbe, unit = eV } ]\n";

  private void defineIdSourceAndDependent() throws IOException {
    define("ids", "format = csv\nfiles = [\"ids.csv\"]\nrecord { formula = formula, id = id }\n" + GAP);
    define("bymp", "format = json-map\nfiles = [\"mf.json\"]\nrecord { id = \"$key\", formula-by-id = ids }\n"
        + "values = [\n  { column = hse, property = band_gap, fidelity = hse06, unit = eV }\n"
        + "  { column = exp, property = band_gap, fidelity = experiment, unit = eV,"
        + " refuse { code = unresolvable_id, reason = \"ICSD id cannot be resolved to a formula without an ICSD licence\" } }\n]\n");
    write(new File(mirror(), "ids.csv"), "id,formula,gap\nmp-1,GaAs,0.5\nmp-2,ZnO,0.7\n");
    write(new File(mirror(), "mf.json"), "{\"hse\": {\"mp-1\": 1.4, \"mp-2\": 2.9, \"mp-9\": 1.0}, \"exp\": {\"icsd-1\": 3.0}}");
  }

  /** One catalog of every format, ingested run after run (each run costs seconds, so the checks share them). */
  @Test
  void everyFormatBalancesASecondRunChangesNothingAndAChangedIdSourceReResolvesItsDependent() throws IOException {
    write(new File(mirror(), "c/a.csv"), "formula,gap\nGaAs,1.4\nNaCl,-1\n");
    write(new File(mirror(), "c/b.csv"), "formula,gap\nSi,1.1\n");
    define("two_csv", "format = csv\nfiles = [\"c/a.csv\", \"c/b.csv\"]\nrecord { formula = formula }\n" + GAP);
    write(new File(mirror(), "l.jsonl"), "{\"formula\": \"ZnO\", \"gap\": 3.4}\nnot json\n");
    define("lines", "format = json-lines\nfiles = [\"l.jsonl\"]\nrecord { formula = formula }\n" + GAP);
    ParquetSourceParserTest.write(mirror(), "double", new Object[] {"p1", "CdS", 2.4, null},
        new Object[] {"p2", "CdTe", Double.POSITIVE_INFINITY, null});
    define("pq", "format = parquet\nfiles = [\"g.parquet\"]\nrecord { formula = formula, id = id }\n" + GAP);
    write(new File(mirror(), "m.json"), "{\"pbe\": {\"GaN\": 3.2, \"InN\": 2500}}");
    define("map", "format = json-map\nfiles = [\"m.json\"]\nrecord { formula = \"$key\" }\n"
        + "values = [ { column = pbe, property = band_gap, fidelity = pbe, unit = eV } ]\n");
    write(new File(mirror(), "s.json"), "[{\"chemicalFormula\": \"Cd1S1\", \"properties\": [{\"name\": \"Band gap\","
        + " \"scalars\": [{\"value\": \"2.42\"}], \"units\": \"eV\"}, {\"name\": \"Color\", \"scalars\": [{\"value\": \"Yellow\"}]}]},"
        + " {\"chemicalFormula\": \"In1p1\", \"properties\": []}]");
    define("pif", "format = pif\nfiles = [\"s.json\"]\nrecord { formula = chemicalFormula }\nvalues = [\n"
        + "  { column = \"Band gap\", property = band_gap, fidelity = experiment, unit = eV }\n"
        + "  { column = Color, property = color, fidelity = experiment }\n]\n");
    write(new File(mirror(), "utf16.csv"), "");
    Files.write(new File(mirror(), "utf16.csv").toPath(), "formula,gap\nGaAs,1.4\n".getBytes(StandardCharsets.UTF_16LE));
    define("utf16", "format = csv\nfiles = [\"utf16.csv\"]\nrecord { formula = formula }\n" + GAP);
    defineIdSourceAndDependent();

    Lake lake = TestSpark.freshLake();
    List<SourceOutcome> first = run(lake, "r1");
    Map<String, Long> observations = countBySource(lake, LakeTable.OBSERVATIONS, "true");
    Map<String, Long> rejects = countBySource(lake, LakeTable.REJECTS, "true");
    Map<String, long[]> expected = Map.of(// read, accepted, observations
        "two_csv", new long[] {3, 2, 2}, "lines", new long[] {2, 1, 1}, "pq", new long[] {2, 1, 1},
        "map", new long[] {2, 1, 1}, "pif", new long[] {2, 1, 2}, "ids", new long[] {2, 2, 2},
        "bymp", new long[] {4, 2, 2});
    for (Map.Entry<String, long[]> e : expected.entrySet()) {
      SourceOutcome o = outcome(first, e.getKey());
      assertEquals(SourceOutcome.OK, o.status(), o.sourceId() + ": " + o.message());
      assertEquals(e.getValue()[0], o.recordsRead(), o.sourceId());
      assertEquals(e.getValue()[1], o.recordsAccepted(), o.sourceId());
      assertEquals(o.recordsRead(), o.recordsAccepted() + o.recordsRejected(), o.sourceId());
      assertEquals(e.getValue()[2], o.observationsWritten(), o.sourceId());
      assertEquals(o.observationsWritten(), observations.get(o.sourceId()), o.sourceId());
      assertEquals(o.recordsRejected() + o.valuesRejected(), rejects.getOrDefault(o.sourceId(), 0L), o.sourceId());
    }
    SourceOutcome utf16 = outcome(first, "utf16");
    assertTrue(utf16.failed(), "a file that cannot be decoded fails its source, not the job");
    assertTrue(utf16.message().contains("UTF-16"), utf16.message());
    assertEquals("2.42 eV, Yellow", lake.spark().sql("SELECT concat(max(value_double), ' eV, ', max(value_label)) FROM "
        + lake.name(LakeTable.OBSERVATIONS) + " WHERE source_id = 'pif'").first().getString(0));
    List<Row> resolved = lake.spark().sql("SELECT source_record_id, composition_key, formula_raw FROM "
        + lake.name(LakeTable.OBSERVATIONS) + " WHERE source_id = 'bymp' ORDER BY source_record_id").collectAsList();
    assertEquals("mp-1 AsGa GaAs", resolved.get(0).mkString(" "), "the id stays on the observation");
    Map<String, String> reasons = lake.spark().sql("SELECT reason_code, reason FROM " + lake.name(LakeTable.REJECTS)
        + " WHERE source_id = 'bymp'").collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r.getString(1)));
    assertEquals("id 'mp-9' is not among the ids of source 'ids': its formula is unknown", reasons.get(RejectCodes.UNRESOLVED_ID));
    assertEquals("exp: ICSD id cannot be resolved to a formula without an ICSD licence", reasons.get("unresolvable_id"));
    String dependency = lake.spark().sql("SELECT depends_on['ids'] FROM " + lake.name(LakeTable.SOURCES)
        + " WHERE source_id = 'bymp'").first().getString(0);
    assertTrue(dependency.matches("[0-9a-f]{64} [0-9a-f]{64}"), "the id source's checksums are recorded: " + dependency);

    List<SourceOutcome> second = run(lake, "r2");
    second.stream().filter(o -> !o.sourceId().equals("utf16"))
        .forEach(o -> assertEquals(SourceOutcome.UNCHANGED, o.status(), o.sourceId()));
    assertEquals(Map.of(), countBySource(lake, LakeTable.OBSERVATIONS, "ingest_run_id = 'r2'"), "no row added");

    write(new File(mirror(), "l.jsonl"), "{\"formula\": \"ZnO\", \"gap\": 3.3}\n{\"formula\": \"ZnS\", \"gap\": 3.7}\n");
    write(new File(mirror(), "ids.csv"), "id,formula,gap\nmp-1,GaAs,0.5\nmp-2,ZnS,0.7\nmp-9,Si,0.6\n");
    List<SourceOutcome> third = run(lake, "r3");
    assertEquals(SourceOutcome.OK, outcome(third, "lines").status());
    assertEquals(SourceOutcome.UNCHANGED, outcome(third, "map").status());
    assertEquals(SourceOutcome.OK, outcome(third, "bymp").status(), "its own file is the same, its id source's is not");
    assertEquals(3, outcome(third, "bymp").recordsAccepted());
    assertEquals("SZn", lake.spark().sql("SELECT composition_key FROM " + lake.name(LakeTable.OBSERVATIONS)
        + " WHERE source_id = 'bymp' AND source_record_id = 'mp-2'").first().getString(0));
    assertEquals(Map.of("lines", 2L, "ids", 3L, "bymp", 3L),
        countBySource(lake, LakeTable.OBSERVATIONS, "ingest_run_id = 'r3'"));
    assertEquals(Map.of("two_csv", 2L, "lines", 2L, "pq", 1L, "map", 1L, "pif", 2L, "ids", 3L, "bymp", 3L),
        countBySource(lake, LakeTable.OBSERVATIONS, "true"), "the changed sources' rows replaced, nothing else");
    assertEquals(0L, countBySource(lake, LakeTable.REJECTS, "true").getOrDefault("lines", 0L));

    write(new File(mirror(), "ids.csv"), "id,formula,gap\nmp-1,GaAs,0.5\n");
    assertEquals(SourceOutcome.OK, outcome(run(lake, "r4", "ids"), "ids").status());
    SourceOutcome alone = outcome(run(lake, "r5", "bymp"), "bymp");
    assertEquals(SourceOutcome.OK, alone.status(), "resolved against the id source's rows in the lake");
    assertEquals(1, alone.recordsAccepted());
    assertEquals(SourceOutcome.UNCHANGED, outcome(run(lake, "r6", "ids", "bymp"), "bymp").status());
  }

  @Test
  void aDependentWithoutItsIdSourceFailsSayingWhatToDo() throws IOException {
    defineIdSourceAndDependent();
    SourceOutcome alone = outcome(run(TestSpark.freshLake(), "r1", "bymp"), "bymp");
    assertTrue(alone.failed());
    assertTrue(alone.message().contains("transferlake.sources.only = [ids, bymp]"), alone.message());
  }

  @Test
  void aLakeFromAnEarlierVersionGainsTheNewColumns() {
    Lake lake = TestSpark.freshLake();
    lake.spark().sql("ALTER TABLE " + lake.name(LakeTable.SOURCES) + " DROP COLUMN lineage");
    lake.spark().sql("ALTER TABLE " + lake.name(LakeTable.SOURCES) + " DROP COLUMN depends_on");
    // an earlier version recorded no layout (or another one)
    lake.spark().sql("ALTER TABLE " + lake.name(LakeTable.RUNS) + " UNSET TBLPROPERTIES ('" + Lake.LAYOUT_PROPERTY
        + "')");
    Lake reopened = Lake.open(lake.spark(), lake.catalog());
    List<String> columns = List.of(reopened.read(LakeTable.SOURCES).schema().fieldNames());
    assertTrue(columns.contains("lineage") && columns.contains("depends_on"), columns.toString());
  }
}
