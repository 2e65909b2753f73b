package org.transferlake.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.config.PropertyCatalog;
import org.transferlake.config.SettingsException;
import org.transferlake.config.SettingsLoader;
import org.transferlake.ingest.catalog.SourceCatalog;
import org.transferlake.ingest.catalog.SourceDefinition;
import org.transferlake.ingest.formats.RejectCodes;
import org.transferlake.lake.Checksums;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;
import org.transferlake.lineage.Lineage;
import org.transferlake.testing.TestPaths;
import org.transferlake.testing.TestSpark;
import org.transferlake.train.data.ExperimentDataLoader;
import org.transferlake.train.experiment.ExperimentCatalog;
import org.transferlake.train.experiment.ExperimentDefinition;

class IngestJobTest {
  private static final PropertyCatalog PROPERTIES =
      new SettingsLoader().withoutSystemProperties().load().properties();
  private static final List<String> MEASURED =
      new SettingsLoader().withoutSystemProperties().load().experimentalFidelities();

  /** The shipped catalog ingested once from the shared mirror, then again. */
  private static Lake realLake;
  private static List<SourceOutcome> first;
  private static List<SourceOutcome> second;

  @TempDir
  File tmp;

  @BeforeAll
  static void ingestShippedCatalogTwice() {
    realLake = TestSpark.freshLake();
    SourceCatalog catalog = SourceCatalog.load(TestPaths.sourcesDir(), PROPERTIES);
    IngestJob job = new IngestJob(realLake, TestPaths.mirror().getPath(), 1_000_000);
    first = job.run("run-1", catalog.select(List.of()));
    second = job.run("run-2", catalog.select(List.of()));
  }

  @Test
  void everyShippedSourceBalancesAndReadsEveryDataLine() throws IOException {
    Map<String, Long> observations = countBySource(LakeTable.OBSERVATIONS);
    observations.putAll(countBySource(LakeTable.ELEMENT_PROPERTIES));
    Map<String, Long> rejects = countBySource(LakeTable.REJECTS);
    SourceCatalog catalog = SourceCatalog.load(TestPaths.sourcesDir(), PROPERTIES);
    for (SourceOutcome o : first) {
      assertEquals(SourceOutcome.OK, o.status(), o.sourceId() + ": " + o.message());
      assertEquals(o.recordsRead(), o.recordsAccepted() + o.recordsRejected(), o.sourceId());
      SourceDefinition source = catalog.select(List.of(o.sourceId())).get(0);
      if (source.format().equals("csv")) {
        long lines = 0;
        for (String f : source.files()) {
          lines += dataLines(new File(TestPaths.mirror(), f));
        }
        assertEquals(lines, o.recordsRead(), o.sourceId() + ": one record per data line");
      }
      assertEquals(o.observationsWritten(), observations.getOrDefault(o.sourceId(), 0L), o.sourceId());
      assertEquals(o.recordsRejected() + o.valuesRejected(), rejects.getOrDefault(o.sourceId(), 0L), o.sourceId());
    }
    SourceOutcome expt = outcome(first, "matbench_expt_gap");
    assertEquals(4604, expt.recordsAccepted());
    assertEquals(4604, expt.observationsWritten());
    assertEquals(112, outcome(first, "magpie_elements").recordsAccepted());
    assertEquals(341608, outcome(first, "oqmd_gap").recordsAccepted(), "three files, one source");
    assertEquals(472 * 16 - 4, outcome(first, "borlido2019").observationsWritten(), "16 values a record, 4 cells empty");
    assertEquals(118 * 200, outcome(first, "mat2vec_elements").observationsWritten());
  }

  @Test
  void megnetCountsOneRecordPerIdAndValueAndFindsItsFormulasThroughMp2019() {
    SourceOutcome megnet = outcome(first, "megnet_multifidelity");
    assertEquals(52348 + 6030 + 2290 + 472 + 2703 + 278, megnet.recordsRead(), "SOURCES.md: the six dicts");
    assertEquals(52348 + 5966 + 2281 + 472, megnet.recordsAccepted(), "SOURCES.md: ids with an mp2019 formula");
    assertEquals(megnet.recordsAccepted(), megnet.observationsWritten());
    Map<String, Long> reasons = realLake.spark().sql("SELECT reason_code, count(*) FROM "
        + realLake.name(LakeTable.REJECTS) + " WHERE source_id = 'megnet_multifidelity' GROUP BY reason_code")
        .collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
    assertEquals(Map.of("unresolvable_id", 2703L + 278L, RejectCodes.UNRESOLVED_ID, 64L + 9L), reasons);
    Row gaas = realLake.spark().sql("SELECT m.composition_key, m.value_double = p.value_double FROM "
        + realLake.name(LakeTable.OBSERVATIONS) + " m JOIN " + realLake.name(LakeTable.OBSERVATIONS) + " p"
        + " ON m.source_record_id = p.source_record_id WHERE m.source_id = 'megnet_multifidelity'"
        + " AND m.fidelity = 'pbe' AND p.source_id = 'mp2019_gap' AND m.source_record_id = 'mp-2534'").first();
    assertEquals("AsGa", gaas.getString(0), "mp-2534 is GaAs");
    assertTrue(gaas.getBoolean(1), "SOURCES.md: MEGNet's pbe equals mp2019's for shared ids");
  }

  @Test
  void strehlowCookGivesGapsWithConditionsAndRawColoursAndRefusesIn1p1() {
    SourceOutcome sc = outcome(first, "strehlow_cook_1973");
    assertEquals(1459, sc.recordsRead(), "one record per PIF system");
    assertEquals(1438, sc.recordsAccepted());
    assertEquals(1436 + 137, sc.observationsWritten());
    Map<String, Long> reasons = realLake.spark().sql("SELECT reason_code, count(*) FROM "
        + realLake.name(LakeTable.REJECTS) + " WHERE source_id = 'strehlow_cook_1973' GROUP BY reason_code")
        .collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
    assertEquals(Map.of(RejectCodes.BAD_FORMULA, 5L, RejectCodes.NO_VALUE, 10L, RejectCodes.REQUIREMENT_NOT_MET, 6L),
        reasons, "In1p1 five times, ten systems with neither gap nor colour, six computed values");
    Row lif = realLake.spark().sql("SELECT value_double, conditions FROM " + realLake.name(LakeTable.OBSERVATIONS)
        + " WHERE source_id = 'strehlow_cook_1973' AND record_number = 0").first();
    assertEquals(13.6, lif.getDouble(0));
    assertEquals(Map.of("temperature", "300 K", "transition", "Direct", "method", "Reflection", "data_type", "EXPERIMENTAL",
        "crystallinity", "Single crystalline"), lif.getJavaMap(1));
    assertEquals(25L, realLake.spark().sql("SELECT count(DISTINCT value_label) FROM " + realLake.name(LakeTable.OBSERVATIONS)
        + " WHERE source_id = 'strehlow_cook_1973' AND property = 'color'").first().getLong(0), "SOURCES.md: 25 raw labels");
  }

  @Test
  void theCatalogInTheLakeCitesEverySourceAndRefusesLeakingContexts() {
    for (Row r : realLake.read(LakeTable.SOURCES).select("source_id", "licence", "citation", "sha256").collectAsList()) {
      for (int i = 1; i < 4; i++) {
        assertTrue(!r.isNullAt(i) && !r.getString(i).isBlank(), r.getString(0) + " lacks " + r.schema().fieldNames()[i]);
      }
    }
    Lineage lineage = Lineage.fromLake(realLake, false, MEASURED);
    List<String> candidates = List.of("band_gap/experiment/zhuo2018_expt_gap", "is_metal/experiment/matbench_expt_is_metal",
        "band_gap/experiment/megnet_multifidelity", "band_gap/hse06/megnet_multifidelity", "band_gap/pbe/mp2019_gap",
        "band_gap/experiment/borlido2019");
    assertEquals(List.of("band_gap/experiment/zhuo2018_expt_gap", "is_metal/experiment/matbench_expt_is_metal",
        "band_gap/experiment/megnet_multifidelity", "band_gap/experiment/borlido2019"),
        List.copyOf(lineage.refused("band_gap/experiment/matbench_expt_gap", candidates).keySet()),
        "linked, or experimental like the target");
    assertEquals(List.of("band_gap/experiment/borlido2019"), List.copyOf(Lineage.fromLake(realLake, true, MEASURED)
        .refused("band_gap/pbe/oqmd_gap", candidates).keySet()), "exclude-flagged refuses the unlicensed source");
  }

  @Test
  void otherTablesOfMeasuredGapsAreRefusedForTheMatbenchTargetUnlessTheExperimentSaysWhy() {
    String target = "band_gap/experiment/matbench_expt_gap";
    List<String> sources = List.of("band_gap/experiment/borlido2019", "band_gap/experiment/strehlow_cook_1973");
    // why: both measured hundreds of the target's compositions, two thirds of them within 0.1 eV of its value
    assertEquals(List.of(234L, 163L), sharedCompositions(sources.get(0), target));
    assertEquals(List.of(263L, 176L), sharedCompositions(sources.get(1), target));
    String experiment = """
        name = expt_from_expt
        target = "%s"
        sources = [ { context = "%s" }, { context = "%s" } ]
        features = magpie
        architectures = [target_only, latent_variable]
        learners = [ { name = forest, grid { trees = [10] } } ]
        """.formatted(target, sources.get(0), sources.get(1));
    ExperimentDataLoader loader = new ExperimentDataLoader(realLake, PROPERTIES, tmp,
        Lineage.fromLake(realLake, false, MEASURED));
    String refusal = assertThrows(SettingsException.class,
        () -> loader.load(ExperimentCatalog.parse(experiment, "expt_from_expt.conf"))).getMessage();
    assertTrue(refusal.startsWith("experiment expt_from_expt (expt_from_expt.conf): source contexts refused"), refusal);
    for (String source : sources) {
      assertTrue(refusal.contains("\n  - " + source + ": both are experimental band_gap values"), refusal);
      assertTrue(refusal.contains("allow-experimental-sources { \"" + source + "\" = \"why\" }"), refusal);
    }

    ExperimentDefinition allowed = ExperimentCatalog.parse(experiment + """
        allow-experimental-sources {
          "%s" = "how much the leak flatters the score"
          "%s" = "a sensitivity check"
        }
        """.formatted(sources.get(0), sources.get(1)), "expt_from_expt.conf");
    assertEquals(Map.of(sources.get(0), "how much the leak flatters the score", sources.get(1),
        "a sensitivity check"), allowed.allowedExperimentalSources(), "the reasons kept for the run's report");
    assertTrue(Lineage.fromLake(realLake, false, MEASURED).refused(target, sources,
        allowed.allowedExperimentalSources().keySet()).isEmpty());
  }

  /** The composition keys both contexts hold, and those whose mean values are within 0.1 of each other. */
  private static List<Long> sharedCompositions(String context, String other) {
    Row r = realLake.spark().sql("SELECT count(*), count_if(abs(a.v - b.v) <= 0.1) FROM (" + means(context)
        + ") a JOIN (" + means(other) + ") b USING (composition_key)").first();
    return List.of(r.getLong(0), r.getLong(1));
  }

  private static String means(String context) {
    String[] c = context.split("/");
    return "SELECT composition_key, avg(value_double) AS v FROM " + realLake.name(LakeTable.OBSERVATIONS)
        + " WHERE property = '" + c[0] + "' AND fidelity = '" + c[1] + "' AND source_id = '" + c[2] + "'"
        + " GROUP BY composition_key";
  }

  @Test
  void wideRecordsGiveOneContextPerColumnAndKeepTheirIdsAndConditions() {
    List<Row> fidelities = realLake.spark().sql("SELECT fidelity, count(*) FROM " + realLake.name(LakeTable.OBSERVATIONS)
        + " WHERE source_id = 'borlido2019' GROUP BY fidelity ORDER BY fidelity").collectAsList();
    assertEquals(List.of("bj", "experiment", "hle16", "hle16_soc", "hse06", "hse06_mix", "hse14", "lda", "lda_soc",
        "mbj", "pbe", "pbe0", "pbe0_mix", "pbe_soc", "pbesol", "scan"), fidelities.stream().map(r -> r.getString(0)).toList());
    Row agcro4 = realLake.spark().sql("SELECT source_record_id, conditions['reference_doi'], conditions['icsd_id'] FROM "
        + realLake.name(LakeTable.OBSERVATIONS) + " WHERE source_id = 'borlido2019' AND record_number = 0"
        + " AND fidelity = 'experiment'").first();
    assertEquals("mp-557056", agcro4.getString(0));
    assertEquals("10.1021/jp077127w", agcro4.getString(1));
    assertEquals("16298", agcro4.getString(2));
    Row hse = realLake.spark().sql("SELECT value_double, conditions['transition'], conditions['space_group'] FROM "
        + realLake.name(LakeTable.OBSERVATIONS) + " WHERE source_id = 'hse_pbe_2024' AND source_record_id = 'H-5149'"
        + " AND fidelity = 'hse06'").first();
    assertEquals(2.02, hse.getDouble(0), "AgBr, HSE");
    assertEquals("Indirect", hse.getString(1));
    assertEquals("Fm-3m", hse.getString(2));
    assertEquals(0L, realLake.spark().sql("SELECT count(*) FROM " + realLake.name(LakeTable.OBSERVATIONS)
        + " WHERE source_id = 'hse_pbe_2024' AND conditions['transition'] = 'N.A.'").first().getLong(0),
        "N.A. is a missing value for this source");
    Row dimension = realLake.spark().sql("SELECT min(property), max(property), count(DISTINCT property) FROM "
        + realLake.name(LakeTable.ELEMENT_PROPERTIES) + " WHERE source_id = 'mat2vec_elements'").first();
    assertEquals("mat2vec_000", dimension.getString(0));
    assertEquals("mat2vec_199", dimension.getString(1));
    assertEquals(200L, dimension.getLong(2));
  }

  @Test
  void observationsCarryContextKeyAndProvenance() {
    Row row = realLake.spark().sql("SELECT composition_key, value_double, property, fidelity, source_file,"
        + " record_number, file_sha256, ingest_run_id FROM " + realLake.name(LakeTable.OBSERVATIONS)
        + " WHERE source_id = 'matbench_expt_gap' AND record_number = 1").first();
    assertEquals("AgBr14W6", row.getString(0), "Ag(W3Br7)2, record 1 of expt_gap.csv");
    assertEquals(0.0, row.getDouble(1));
    assertEquals("band_gap", row.getString(2));
    assertEquals("experiment", row.getString(3));
    assertEquals("crabnet/matbench/expt_gap.csv", row.getString(4));
    assertEquals("3de82c37f1db3ab9bbd92366c96633f131913ded5db0969eb36216bdd11cef2f", row.getString(6));
    assertEquals("run-1", row.getString(7));
    long metals = realLake.spark().sql("SELECT count(*) FROM " + realLake.name(LakeTable.OBSERVATIONS)
        + " WHERE source_id = 'matbench_expt_is_metal' AND value_label = 'metal'").first().getLong(0);
    assertEquals(2451, metals, "SOURCES.md: 2451 metals");
    Row nvalence = realLake.spark().sql("SELECT value, unit FROM " + realLake.name(LakeTable.ELEMENT_PROPERTIES)
        + " WHERE element = 'Fe' AND property = 'NValence'").first();
    assertEquals(8.0, nvalence.getDouble(0));
  }

  @Test
  void reingestingUnchangedFilesChangesNothing() {
    for (SourceOutcome o : second) {
      assertEquals(SourceOutcome.UNCHANGED, o.status(), o.sourceId());
    }
    long runOneRows = realLake.spark().sql("SELECT count(*) FROM " + realLake.name(LakeTable.OBSERVATIONS)
        + " WHERE ingest_run_id = 'run-1'").first().getLong(0);
    assertEquals(realLake.read(LakeTable.OBSERVATIONS).count(), runOneRows, "no row added by the second run");
    List<Row> runs = realLake.spark().sql("SELECT run_id, count(*) FROM " + realLake.name(LakeTable.INGEST_RUNS)
        + " GROUP BY run_id ORDER BY run_id").collectAsList();
    assertEquals(2, runs.size());
    assertEquals((long) first.size(), runs.get(1).getLong(1), "the second run still reports every source");
  }

  @Test
  void aMissingFileFailsItsSourceNamingPathAndSettingWhileOthersGoOn() throws IOException {
    File mirror = new File(tmp, "mirror");
    write(new File(mirror, "good.csv"), "formula,gap\nNaCl,8.5\n");
    File catalogDir = new File(tmp, "sources");
    defineGapSource(catalogDir, "good", "good.csv", null);
    defineGapSource(catalogDir, "absent", "not/there.csv", null);
    Lake lake = TestSpark.freshLake();
    List<SourceOutcome> outcomes = new IngestJob(lake, mirror.getPath(), 1000)
        .run("r", SourceCatalog.load(catalogDir, PROPERTIES).select(List.of()));
    SourceOutcome absent = outcome(outcomes, "absent");
    assertTrue(absent.failed());
    assertTrue(absent.message().contains("not/there.csv"), absent.message());
    assertTrue(absent.message().contains("source 'absent'"), absent.message());
    assertTrue(absent.message().contains("transferlake.mirror.dir"), absent.message());
    assertEquals(SourceOutcome.OK, outcome(outcomes, "good").status());
    assertEquals(1, lake.read(LakeTable.OBSERVATIONS).count());
    assertEquals("failed", lake.spark().sql("SELECT status FROM " + lake.name(LakeTable.INGEST_RUNS)
        + " WHERE source_id = 'absent'").first().getString(0));
  }

  @Test
  void aPinnedChecksumThatDiffersRefusesTheSourceWithBothChecksums() throws IOException {
    File mirror = new File(tmp, "mirror");
    write(new File(mirror, "g.csv"), "formula,gap\nNaCl,8.5\n");
    File catalogDir = new File(tmp, "sources");
    String pinned = "0".repeat(64);
    defineGapSource(catalogDir, "pinned", "g.csv", pinned);
    List<SourceOutcome> outcomes = new IngestJob(TestSpark.freshLake(), mirror.getPath(), 1000)
        .run("r", SourceCatalog.load(catalogDir, PROPERTIES).select(List.of()));
    String actual = Checksums.sha256("formula,gap\nNaCl,8.5\n");
    assertTrue(outcomes.get(0).failed());
    assertTrue(outcomes.get(0).message().contains(pinned), outcomes.get(0).message());
    assertTrue(outcomes.get(0).message().contains(actual), outcomes.get(0).message());
  }

  @Test
  void aChangedFileReplacesOnlyItsSourceRows() throws IOException {
    File mirror = new File(tmp, "mirror");
    File a = new File(mirror, "a.csv");
    write(a, "formula,gap\nNaCl,8.5\nGaAs,1.4\nSi,1.1\n");
    write(new File(mirror, "b.csv"), "formula,gap\nZnO,3.4\n");
    File catalogDir = new File(tmp, "sources");
    defineGapSource(catalogDir, "a", "a.csv", null);
    defineGapSource(catalogDir, "b", "b.csv", null);
    Lake lake = TestSpark.freshLake();
    IngestJob job = new IngestJob(lake, mirror.getPath(), 1000);
    job.run("r1", SourceCatalog.load(catalogDir, PROPERTIES).select(List.of()));
    write(a, "formula,gap\nNaCl,8.6\nbad formula!,1\n");
    List<SourceOutcome> outcomes = job.run("r2", SourceCatalog.load(catalogDir, PROPERTIES).select(List.of()));
    assertEquals(SourceOutcome.OK, outcome(outcomes, "a").status());
    assertEquals(SourceOutcome.UNCHANGED, outcome(outcomes, "b").status());
    Map<String, Long> counts = countBySource(lake, LakeTable.OBSERVATIONS);
    assertEquals(Map.of("a", 1L, "b", 1L), counts);
    assertEquals(8.6, lake.spark().sql("SELECT value_double FROM " + lake.name(LakeTable.OBSERVATIONS)
        + " WHERE source_id = 'a'").first().getDouble(0));
    assertEquals("r1", lake.spark().sql("SELECT ingest_run_id FROM " + lake.name(LakeTable.OBSERVATIONS)
        + " WHERE source_id = 'b'").first().getString(0), "the unchanged source was not rewritten");
    assertEquals(1, lake.read(LakeTable.REJECTS).count());
  }

  private static void defineGapSource(File dir, String id, String file, String sha) throws IOException {
    write(new File(dir, id + ".conf"), "id = " + id + "\nformat = csv\nfiles = [\"" + file + "\"]\n"
        + (sha == null ? "" : "sha256 = \"" + sha + "\"\n")
        + "licence = test\ncitation = test\nrecord { formula = formula }\n"
        + "values = [ { column = gap, property = band_gap, fidelity = experiment, unit = eV } ]\n");
  }

  private static void write(File f, String text) throws IOException {
    f.getParentFile().mkdirs();
    Files.writeString(f.toPath(), text, StandardCharsets.UTF_8);
  }

  private static long dataLines(File f) throws IOException {
    try (var lines = Files.lines(f.toPath())) {
      return lines.skip(1).filter(l -> !l.isBlank()).count();
    }
  }

  private static SourceOutcome outcome(List<SourceOutcome> outcomes, String id) {
    return outcomes.stream().filter(o -> o.sourceId().equals(id)).findFirst().orElseThrow();
  }

  private static Map<String, Long> countBySource(LakeTable table) {
    return countBySource(realLake, table);
  }

  private static Map<String, Long> countBySource(Lake lake, LakeTable table) {
    return lake.read(table).groupBy("source_id").count().collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
  }
}
