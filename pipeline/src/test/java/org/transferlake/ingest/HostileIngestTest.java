package org.transferlake.ingest;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.map_entries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.composition.FormulaParser;
import org.transferlake.config.Settings;
import org.transferlake.config.SettingsLoader;
import org.transferlake.ingest.catalog.SourceCatalog;
import org.transferlake.ingest.catalog.SourceDefinition;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;
import org.transferlake.testing.TestPaths;
import org.transferlake.testing.TestSpark;

/**
 * Bad input, nothing lost: a seeded corpus of hostile files in every format ({@link HostileCorpus}), named by
 * absolute paths, ingested in one run beside two small real sources. Every record is accepted or refused with a
 * reason exactly as the corpus says, nothing hostile reaches the observations, and the real sources come out as
 * they do alone.
 */
class HostileIngestTest {
  private static final long SEED = 20261124L;
  private static final List<String> REAL = List.of("matbench_expt_gap", "strehlow_cook_1973");

  @TempDir
  static File tmp;

  private static HostileCorpus corpus;
  private static Lake lake;
  private static Map<String, SourceOutcome> outcomes;

  @BeforeAll
  static void ingestTheCorpusBesideRealSourcesInOneRun() {
    corpus = HostileCorpus.write(tmp, SEED);
    Settings settings = new SettingsLoader().withoutSystemProperties()
        .set("transferlake.mirror.dir", TestPaths.mirror().getPath())
        .set("transferlake.sources.allow-absolute-paths", "true").load();
    List<SourceDefinition> sources = new ArrayList<>(
        SourceCatalog.load(TestPaths.sourcesDir(), settings.properties()).select(REAL));
    sources.addAll(SourceCatalog.load(corpus.catalogDir(), settings.properties()).select(List.of()));
    lake = TestSpark.freshLake();
    long t0 = System.nanoTime();
    List<SourceOutcome> run = new IngestJob(lake, settings.mirrorDir(), settings.maxRecordChars(),
        settings.allowAbsoluteSourcePaths(), null).run("hostile", sources);
    System.out.printf("hostile ingest: %d sources in %.1f s%n", run.size(), (System.nanoTime() - t0) / 1e9);
    outcomes = run.stream().collect(Collectors.toMap(SourceOutcome::sourceId, o -> o));
    run.forEach(o -> System.out.printf("  %-28s %-6s read %6d accepted %6d rejected %6d observations %6d%s%n",
        o.sourceId(), o.status(), o.recordsRead(), o.recordsAccepted(), o.recordsRejected(), o.observationsWritten(),
        o.failed() ? "  (" + o.message() + ")" : ""));
  }

  @Test
  void theCorpusHoldsTenThousandHostileRecordsInEveryFormat() {
    Map<String, Integer> perFormat = corpus.kinds().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
        e -> e.getValue().entrySet().stream().filter(k -> !k.getKey().equals("valid")).mapToInt(Map.Entry::getValue).sum()));
    System.out.println("hostile records per format: " + perFormat + "\nper kind: " + corpus.kinds());
    assertEquals(Set.of("csv", "json-lines", "json-map", "pif", "parquet"), perFormat.keySet());
    assertTrue(perFormat.values().stream().mapToInt(Integer::intValue).sum() >= 10_000, perFormat.toString());
  }

  @Test
  void everyHostileSourceReadsAndAcceptsExactlyWhatTheCorpusSays() {
    for (HostileCorpus.Expected e : corpus.expected().values()) {
      SourceOutcome o = outcomes.get(e.id());
      if (e.failure() != null) {
        assertTrue(o.failed() && o.message().contains(e.failure()), e.id() + ": " + o.message());
        continue;
      }
      assertEquals(SourceOutcome.OK, o.status(), e.id() + ": " + o.message());
      assertEquals(e.read(), o.recordsRead(), e.id() + " read");
      assertEquals(e.accepted(), acceptedPlaces(e.id()), e.id() + ": the records accepted");
    }
  }

  @Test
  void everyRecordReadIsAcceptedOrRefusedOnceInTheLakeAndEveryRejectSaysWhy() {
    Map<String, Long> observations = countBySource(LakeTable.OBSERVATIONS, "true");
    Map<String, Long> rejects = countBySource(LakeTable.REJECTS, "true");
    Map<String, Long> refused = countBySource(LakeTable.REJECTS, "field IS NULL");
    String places = "SELECT DISTINCT source_id, source_file, record_number FROM " + lake.name(LakeTable.OBSERVATIONS)
        + " UNION ALL SELECT source_id, source_file, record_number FROM " + lake.name(LakeTable.REJECTS) + " WHERE field IS NULL";
    Map<String, Row> settled = lake.spark().sql("SELECT source_id, count(*), count(DISTINCT source_file, record_number)"
        + " FROM (" + places + ") GROUP BY source_id").collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(0), r -> r));
    for (SourceOutcome o : outcomes.values()) {
      assertEquals(o.recordsRead(), o.recordsAccepted() + o.recordsRejected(), o.sourceId());
      if (o.failed()) {
        assertEquals(0L, observations.getOrDefault(o.sourceId(), 0L) + rejects.getOrDefault(o.sourceId(), 0L), o.sourceId());
        continue;
      }
      Row s = settled.get(o.sourceId());
      assertEquals(o.recordsRead(), s.getLong(1), o.sourceId() + ": one row per record read");
      assertEquals(o.recordsRead(), s.getLong(2), o.sourceId() + ": no record both accepted and refused");
      assertEquals(o.recordsRejected(), refused.getOrDefault(o.sourceId(), 0L), o.sourceId());
      assertEquals(o.observationsWritten(), observations.getOrDefault(o.sourceId(), 0L), o.sourceId());
      assertEquals(o.recordsRejected() + o.valuesRejected(), rejects.getOrDefault(o.sourceId(), 0L), o.sourceId());
    }
    List<Row> gaps = lake.spark().sql("SELECT source_id, source_file, count(*), max(record_number) FROM (" + places
        + ") GROUP BY source_id, source_file HAVING count(*) != max(record_number) + 1").collectAsList();
    assertEquals(List.of(), gaps, "record numbers run from 0 without a gap in every file");
    assertEquals(0L, lake.spark().sql("SELECT count(*) FROM " + lake.name(LakeTable.REJECTS) + " WHERE reason IS NULL"
        + " OR trim(reason) = '' OR reason_code IS NULL OR trim(reason_code) = ''").first().getLong(0));
  }

  @Test
  void nothingHostileReachesTheObservations() {
    String hostile = lake.name(LakeTable.OBSERVATIONS) + " WHERE source_id LIKE 'h\\_%'";
    assertEquals(0L, lake.spark().sql("SELECT count(*) FROM " + hostile + " AND (value_double IS NULL OR isnan(value_double)"
        + " OR value_double < 0 OR value_double > 30 OR string(value_double) = '-0.0')").first().getLong(0),
        "every gap a finite number from 0 to 30 eV");
    List<Row> formulas = lake.spark().sql("SELECT DISTINCT formula_raw, composition_key FROM " + hostile).collectAsList();
    Set<String> raw = new HashSet<>();
    for (Row r : formulas) {
      String formula = r.getString(0);
      assertTrue(formula.matches("[A-Za-z0-9()\\[\\] .·]+"), "only ASCII letters, digits, brackets: " + formula);
      assertEquals(FormulaParser.parse(formula).key(), r.getString(1), formula);
      raw.add(formula.trim());
    }
    Set<String> valid = HostileValues.VALID_FORMULAS.stream().map(String::trim).collect(Collectors.toSet());
    assertEquals(valid, raw, "the accepted formulas are the corpus's valid ones, nothing else");
  }

  @Test
  void theRealSourcesComeOutAsTheyDoAlone() {
    assertCounts("matbench_expt_gap", 4604, 4604, 4604);
    assertCounts("strehlow_cook_1973", 1459, 1438, 1573); // as IngestJobTest asserts
    Lake alone = TestSpark.freshLake();
    new IngestJob(alone, TestPaths.mirror().getPath(), 1_000_000)
        .run("alone", SourceCatalog.load(TestPaths.sourcesDir(), TestSources.PROPERTIES).select(REAL));
    for (LakeTable table : List.of(LakeTable.OBSERVATIONS, LakeTable.REJECTS)) {
      Dataset<Row> beside = real(lake, table);
      Dataset<Row> byItself = real(alone, table);
      assertEquals(byItself.count(), beside.count(), table.name());
      assertEquals(0L, beside.exceptAll(byItself).count() + byItself.exceptAll(beside).count(), table + ": the same rows");
    }
  }

  /** A table's rows of the real sources, conditions as sorted entries (set operations take no maps). */
  private static Dataset<Row> real(Lake in, LakeTable table) {
    Dataset<Row> rows = in.read(table).filter(col("source_id").isin(REAL.toArray())).drop("ingest_run_id");
    return List.of(rows.columns()).contains("conditions")
        ? rows.withColumn("conditions", array_sort(map_entries(col("conditions")))) : rows;
  }

  private static void assertCounts(String id, long read, long accepted, long observations) {
    SourceOutcome o = outcomes.get(id);
    assertEquals(List.of(read, accepted, observations), List.of(o.recordsRead(), o.recordsAccepted(),
        o.observationsWritten()), id);
  }

  private static Set<String> acceptedPlaces(String id) {
    return lake.spark().sql("SELECT DISTINCT source_file, record_number FROM " + lake.name(LakeTable.OBSERVATIONS)
        + " WHERE source_id = '" + id + "'").collectAsList().stream()
        .map(r -> r.getString(0) + "#" + r.getLong(1)).collect(Collectors.toSet());
  }

  private static Map<String, Long> countBySource(LakeTable table, String where) {
    return lake.spark().sql("SELECT source_id, count(*) FROM " + lake.name(table) + " WHERE " + where
        + " GROUP BY source_id").collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
  }
}
