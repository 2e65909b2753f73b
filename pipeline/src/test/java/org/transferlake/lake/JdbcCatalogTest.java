package org.transferlake.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.config.Settings;
import org.transferlake.config.SettingsException;
import org.transferlake.config.SettingsLoader;
import org.transferlake.testing.TestSpark;

/** The lake in a shared Iceberg JDBC catalog (an SQLite file standing in for PostgreSQL or MySQL). */
class JdbcCatalogTest {
  @TempDir
  File root;

  private Settings settings(String catalog, Map<String, String> more) {
    Map<String, String> values = new HashMap<>(Map.of("transferlake.lake.root", new File(root, "lake").getPath(),
        "transferlake.lake.catalog", catalog, "transferlake.lake.catalog-type", "jdbc",
        "transferlake.lake.catalog-uri", "jdbc:sqlite:" + new File(root, "catalog.db").getPath(),
        "spark.master", "local[2]"));
    values.putAll(more);
    return new SettingsLoader().withoutSystemProperties().set(values).load();
  }

  @Test
  void writesAndReadsATableThroughTheJdbcCatalog() throws Exception {
    SparkSession spark = TestSpark.session(); // LakeSessions gets this one back and adds the catalog to it
    Settings settings = settings("jdbc_lake", Map.of());
    assertEquals(spark, LakeSessions.create(settings, "jdbc catalog test"));
    Lake lake = Lake.open(spark, settings.lakeCatalog());
    Row row = RowFactory.create("run-1", "matbench_expt_gap", "ok", 3L, 3L, 0L, 3L, 0L, "abc", null, null, null, 1.5);
    lake.append(LakeTable.INGEST_RUNS, spark.createDataFrame(List.of(row), LakeTable.INGEST_RUNS.schema()));

    assertEquals(List.of("run-1"), lake.read(LakeTable.INGEST_RUNS).select("run_id").as(
        org.apache.spark.sql.Encoders.STRING()).collectAsList());
    Set<String> registered = catalogTables(new File(root, "catalog.db"));
    assertTrue(registered.contains("ops.ingest_runs") && registered.contains("results.metrics"), registered.toString());
    assertTrue(registered.size() == LakeTable.values().length, registered.toString());
    try (Stream<java.nio.file.Path> files = Files.walk(new File(root, "lake/warehouse").toPath())) {
      assertFalse(files.anyMatch(p -> p.endsWith("version-hint.text")), "no hadoop catalog's version hints");
    }

    // Another client of the same database (here Iceberg's own JdbcCatalog, no Spark) sees the committed row.
    try (JdbcCatalog other = new JdbcCatalog()) {
      other.setConf(new org.apache.hadoop.conf.Configuration());
      CatalogSettings c = CatalogSettings.from(settings);
      other.initialize("jdbc_lake", Map.of("uri", c.uri(), "warehouse", c.warehouse(), "jdbc.schema-version", "V1"));
      Table table = other.loadTable(TableIdentifier.of("ops", "ingest_runs"));
      assertEquals("1", table.currentSnapshot().summary().get("total-records"));
    }
  }

  @Test
  void aSharedCatalogWithoutUriStopsNamingTheKey() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> CatalogSettings.from(settings("jdbc_lake", Map.of("transferlake.lake.catalog-uri", ""))));
    assertTrue(e.getMessage().contains("transferlake.lake.catalog-uri is empty: the jdbc catalog needs one"),
        e.getMessage());
    e = assertThrows(SettingsException.class,
        () -> CatalogSettings.from(settings("jdbc_lake", Map.of("transferlake.lake.catalog-type", "glue"))));
    assertTrue(e.getMessage().contains("transferlake.lake.catalog-type = \"glue\": expected one of"), e.getMessage());
    e = assertThrows(SettingsException.class,
        () -> CatalogSettings.from(settings("jdbc_lake", Map.of("spark.sql.catalog.jdbc_lake.uri", "jdbc:sqlite:/elsewhere"))));
    assertTrue(e.getMessage().contains("set by transferlake.lake.catalog-uri instead"), e.getMessage());
  }

  @Test
  void theDefaultIsTheFilesystemCatalogUnderTheRoot() {
    Settings settings = new SettingsLoader().withoutSystemProperties()
        .set("transferlake.lake.root", "/data/lake").load();
    assertEquals(Map.of("spark.sql.catalog.lake", "org.apache.iceberg.spark.SparkCatalog",
        "spark.sql.catalog.lake.type", "hadoop", "spark.sql.catalog.lake.warehouse", "file:/data/lake/warehouse"),
        CatalogSettings.from(settings).sparkProperties());
  }

  /** {@code namespace.table} of every table the JDBC catalog holds, read from its own database. */
  private static Set<String> catalogTables(File db) throws SQLException {
    Set<String> out = new HashSet<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.getPath());
        ResultSet r = c.createStatement().executeQuery("SELECT table_namespace, table_name FROM iceberg_tables"
            + " WHERE catalog_name = 'jdbc_lake'")) {
      while (r.next()) {
        out.add(r.getString(1) + "." + r.getString(2));
      }
    }
    return out;
  }
}
