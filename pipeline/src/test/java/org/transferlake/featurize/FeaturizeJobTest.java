package org.transferlake.featurize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.transferlake.composition.Composition;
import org.transferlake.composition.FormulaParser;
import org.transferlake.config.SettingsLoader;
import org.transferlake.ingest.IngestJob;
import org.transferlake.ingest.catalog.SourceCatalog;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;
import org.transferlake.testing.TestPaths;
import org.transferlake.testing.TestSpark;

/**
 * The featurize job on a lake of magpie_elements, oliynyk_elements and matbench_expt_gap, ingested once from
 * the mirror and shared: each test uses a preset of its own and adds keys no other test adds, and none depends
 * on what another one did, so they run in any order.
 */
class FeaturizeJobTest {
  /** The pinned checksum of magpie_elements (conf/sources/magpie_elements.conf). */
  private static final String MAGPIE_SHA256 = "f62c3729370818aa7c97c9d37144015cb85fa77bd5cec42a4262595bfc345103";
  /** The pinned checksum of oliynyk_elements. */
  private static final String OLIYNYK_SHA256 = "2067d5c613452eaf8897a353f1821dd10cefd086ea6f9aced3d07fa3d510744c";

  private static Lake lake;

  @BeforeAll
  static void ingest() {
    lake = TestSpark.freshLake();
    SourceCatalog catalog = SourceCatalog.load(TestPaths.sourcesDir(),
        new SettingsLoader().withoutSystemProperties().load().properties());
    new IngestJob(lake, TestPaths.mirror().getPath(), 1_000_000)
        .run("ingest", catalog.select(List.of("magpie_elements", "oliynyk_elements", "matbench_expt_gap")));
  }

  @Test
  void featurizesEveryKeyOnceThenOnlyNewKeysUntilTheElementTableOrTheFeaturizerVersionChanges() {
    FeatureTable table = new FeatureTable(lake, "magpie");
    List<String> log = new ArrayList<>();
    FeaturizeJob job = job(log);
    FeaturizeOutcome first = job.run("r1", "magpie");
    long keys = distinctKeys();
    assertEquals(FeaturizeOutcome.FULL, first.mode());
    assertEquals("new table", first.reason());
    assertEquals(keys, first.rowsWritten());
    assertEquals(keys, first.tableRows());
    assertTrue(log.get(log.size() - 1).startsWith(String.format("featurize magpie: %,d rows in ", keys)), log.toString());
    assertEquals(keys, table.read().select(FeatureTable.KEY).distinct().count(), "one row per key");
    assertColumnsHoldTheKernelsValuesUnderTheirNames(table, keys);
    assertEquals(1, snapshots(table));

    FeaturizeOutcome again = job.run("r2", "magpie");
    assertEquals(FeaturizeOutcome.UP_TO_DATE, again.mode());
    assertEquals(0, again.rowsWritten());
    assertEquals(keys, again.tableRows());
    assertEquals(1, snapshots(table), "nothing to do, nothing committed");

    addObservations("Ne", "AtH", "CfO2", "AgBr14W6", "Ne");
    assertEquals(1, table.read().where("composition_key = 'AgBr14W6'").count(), "Ag(W3Br7)2 is featurized already");
    FeaturizeOutcome incremental = job.run("r3", "magpie");
    assertEquals(FeaturizeOutcome.INCREMENTAL, incremental.mode());
    assertEquals("3 new keys", incremental.reason());
    assertEquals(3, incremental.rowsWritten());
    assertEquals(3, incremental.rowsWrittenWithMissing(), "each new key has an element that lacks a property");
    assertEquals(keys + 3, incremental.tableRows());
    assertEquals(List.of("AtH", "CfO2", "Ne"), keysOfRun(table, "r3"));
    assertEquals(keys, table.read().where(FeatureTable.RUN_ID + " = 'r1'").count(), "earlier rows stay");
    assertEquals(2, snapshots(table), "one append");

    lake.spark().sql("UPDATE " + lake.name(LakeTable.SOURCES) + " SET sha256 = 'changed'"
        + " WHERE source_id = 'magpie_elements'");
    FeaturizeOutcome newTable = job.run("r4", "magpie");
    assertEquals(FeaturizeOutcome.FULL, newTable.mode());
    assertEquals("element table sha256 " + MAGPIE_SHA256 + " -> changed", newTable.reason());
    assertEquals(keys + 3, newTable.rowsWritten());
    assertEquals(keys + 3, table.read().where(FeatureTable.RUN_ID + " = 'r4'").count(), "every row recomputed");
    assertEquals(3, snapshots(table), "replaced in one commit");

    String before = table.stamps().get(0).featurizerVersion();
    lake.spark().sql("UPDATE " + lake.name(LakeTable.ELEMENT_PROPERTIES) + " SET value = 15.0"
        + " WHERE source_id = 'magpie_elements' AND element = 'H' AND property = 'MeltingT'");
    FeaturizeOutcome newVersion = job.run("r5", "magpie");
    assertEquals(FeaturizeOutcome.FULL, newVersion.mode());
    assertTrue(newVersion.reason().startsWith("featurizer version " + before + " -> magpie-v"), newVersion.reason());
    assertEquals(keys + 3, newVersion.rowsWritten());
    assertEquals(List.of(new FeatureTable.Stamp(newVersion.featurizerVersion(), "changed", keys + 3)), table.stamps());
    assertEquals(4, snapshots(table));
    String withHydrogen = FormulaParser.parse("BH(PbO2)2").key(); // record 150 of expt_gap.csv
    assertEquals(15.0, lake.spark().sql("SELECT magpie_minimum_meltingt FROM " + table.name()
        + " WHERE composition_key = '" + withHydrogen + "'").first().getDouble(0), "H's new melting point is used");
  }

  @Test
  void withoutImputationMissingPropertiesStayNaNAndTheAffectedCompositionsAreCounted() {
    addObservations("He", "ClFr", "Cl3Lr");
    FeaturizeOutcome outcome = job(new ArrayList<>()).run("n1", "magpie_no_imputation");
    String anyNaN = String.join(" OR ", FeaturizerPresets.featureNames("magpie_no_imputation").stream()
        .map(c -> "isnan(" + c + ")").toList());
    List<String> withNaN = lake.spark().sql("SELECT composition_key FROM " + outcome.table() + " WHERE " + anyNaN)
        .collectAsList().stream().map(r -> r.getString(0)).toList();
    assertTrue(withNaN.containsAll(List.of("He", "ClFr", "Cl3Lr")), withNaN.toString());
    assertEquals(withNaN.size(), outcome.tableRowsWithMissing(), "NaN exactly where an element lacks a value");
    assertEquals(withNaN.size(), outcome.rowsWrittenWithMissing());
    assertEquals(distinctKeys(), outcome.tableRows());
    assertTrue(Double.isNaN(lake.spark().sql("SELECT magpie_mean_meltingt FROM " + outcome.table()
        + " WHERE composition_key = 'He'").first().getDouble(0)));
  }

  @Test
  void oliynykReadsItsOwnElementTableAndImputesWhatItLacks() {
    String poO2 = FormulaParser.parse("PoO2").key();
    String atCl = FormulaParser.parse("AtCl").key();
    addObservations(poO2, atCl);
    FeaturizeOutcome outcome = job(new ArrayList<>()).run("o1", "oliynyk");
    assertEquals(OLIYNYK_SHA256, outcome.elementTableSha256(), "oliynyk_elements, not the magpie source");
    assertEquals(distinctKeys(), outcome.tableRows());
    CompositionFeaturizer kernel = FeaturizerPresets.create("oliynyk", ElementTable.fromRows(
        DescriptorPreset.OLIYNYK.properties(), CatalogElementRows.read("oliynyk_elements")));
    assertEquals(kernel.version(), outcome.featurizerVersion(), "the lake's table is the mirror's file");
    List<String> columns = new ArrayList<>(List.of(FeatureTable.KEY));
    columns.addAll(FeaturizerPresets.featureNames("oliynyk"));
    columns.add(FeaturizeJob.MISSING);
    double[] expected = new double[kernel.featureCount()];
    for (String key : List.of(poO2, atCl, "Fe2O3")) {
      Row row = new FeatureTable(lake, "oliynyk").read().where(FeatureTable.KEY + " = '" + key + "'")
          .selectExpr(columns.toArray(String[]::new)).first();
      Composition c = Composition.ofKey(key);
      kernel.featurize(c, expected, 0);
      for (int i = 0; i < expected.length; i++) {
        assertEquals(expected[i], row.getDouble(1 + i), key + " " + columns.get(1 + i));
      }
      assertEquals(kernel.missingValues(c.atomicNumbers(), c.size()), row.getInt(1 + expected.length), key);
    }
    long withMissing = lake.spark().sql("SELECT count(*) FROM " + outcome.table() + " WHERE "
        + FeaturizeJob.MISSING + " > 0").first().getLong(0);
    assertEquals(withMissing, outcome.tableRowsWithMissing());
    assertTrue(withMissing >= 2, "PoO2 and AtCl at least: " + withMissing);
  }

  @Test
  void fractionsReadNoElementTable() {
    FeaturizeJob job = job(new ArrayList<>());
    FeaturizeOutcome outcome = job.run("x1", "fractions");
    assertEquals(distinctKeys(), outcome.tableRows());
    assertEquals(0, outcome.tableRowsWithMissing());
    assertNull(outcome.elementTableSha256());
    FeatureTable table = new FeatureTable(lake, "fractions");
    assertFalse(List.of(table.read().columns()).contains(FeaturizeJob.MISSING));
    Row fe2o3 = lake.spark().sql("SELECT frac_fe, frac_o, frac_h, element_table_sha256 FROM " + table.name()
        + " WHERE composition_key = 'Fe2O3'").first();
    assertEquals(0.4, fe2o3.getDouble(0), 1e-15);
    assertEquals(0.6, fe2o3.getDouble(1), 1e-15);
    assertEquals(0.0, fe2o3.getDouble(2));
    assertTrue(fe2o3.isNullAt(3));
    assertEquals(FeaturizeOutcome.UP_TO_DATE, job.run("x2", "fractions").mode(), "a null checksum is current too");
  }

  @Test
  void withoutTheElementTableTheMessageSaysWhatToIngest() {
    Lake empty = TestSpark.freshLake();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new FeaturizeJob(empty, "magpie_elements", 1000, 0, s -> { }).run("e1", "magpie"));
    assertEquals("element table source 'magpie_elements' is not in " + empty.name(LakeTable.SOURCES)
        + ": ingest source magpie_elements first", e.getMessage());
  }

  /** The table's columns in order, its Parquet settings, and the kernel's values for 40 keys, exactly. */
  private static void assertColumnsHoldTheKernelsValuesUnderTheirNames(FeatureTable table, long keys) {
    List<String> columns = new ArrayList<>(List.of(FeatureTable.KEY, FeatureTable.VERSION,
        FeatureTable.ELEMENT_TABLE_SHA256, FeatureTable.RUN_ID));
    columns.addAll(FeaturizerPresets.featureNames("magpie"));
    columns.add(FeaturizeJob.MISSING);
    assertEquals(columns, List.of(table.read().columns()));
    Map<String, String> properties = lake.spark().sql("SHOW TBLPROPERTIES " + table.name()).collectAsList()
        .stream().collect(Collectors.toMap(r -> r.getString(0), r -> r.getString(1)));
    assertEquals("false", properties.get("parquet.enable.dictionary"));
    assertEquals("true", properties.get("write.parquet.dict-encoding-enabled.column.magpie_mode_number"));
    assertEquals("zstd", properties.get("write.parquet.compression-codec"));

    CompositionFeaturizer kernel = MagpieFeaturizer.of(MagpiePreset.MAGPIE, MagpieElementRows.read());
    assertEquals(List.of(new FeatureTable.Stamp(kernel.version(), MAGPIE_SHA256, keys)), table.stamps(),
        "the lake's element table is the mirror's file, value for value");
    double[] expected = new double[kernel.featureCount()];
    for (Row row : table.read().orderBy(FeatureTable.KEY).limit(40).collectAsList()) {
      Composition c = Composition.ofKey(row.getString(0));
      kernel.featurize(c, expected, 0);
      for (int i = 0; i < expected.length; i++) {
        assertEquals(expected[i], row.getDouble(4 + i), c + " " + columns.get(4 + i));
      }
      assertEquals(kernel.missingValues(c.atomicNumbers(), c.size()), row.getInt(4 + expected.length));
    }
  }

  /** Small tasks (1,000 keys), so that a run spans several partitions. */
  private static FeaturizeJob job(List<String> log) {
    return new FeaturizeJob(lake, "magpie_elements", 1000, 0, log::add);
  }

  private static long distinctKeys() {
    return lake.read(LakeTable.OBSERVATIONS).select("composition_key").distinct().count();
  }

  /** Observations of a made-up context, one per key. */
  private static void addObservations(String... keys) {
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < keys.length; i++) {
      values.append(i == 0 ? "" : ", ").append("('").append(keys[i]).append("', 1.0, 'band_gap', 'test', 'test', ")
          .append(i).append(")");
    }
    lake.spark().sql("INSERT INTO " + lake.name(LakeTable.OBSERVATIONS)
        + " (composition_key, value_double, property, fidelity, source_id, record_number) VALUES " + values);
  }

  private static List<String> keysOfRun(FeatureTable table, String runId) {
    return table.read().where(FeatureTable.RUN_ID + " = '" + runId + "'").orderBy(FeatureTable.KEY)
        .select(FeatureTable.KEY).collectAsList().stream().map(r -> r.getString(0)).toList();
  }

  private static long snapshots(FeatureTable table) {
    return lake.spark().table(table.name() + ".snapshots").count();
  }
}
