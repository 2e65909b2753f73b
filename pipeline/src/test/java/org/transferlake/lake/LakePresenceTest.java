package org.transferlake.lake;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.config.Settings;
import org.transferlake.config.SettingsLoader;
import org.transferlake.testing.TestSpark;

/** Whether a lake exists, asked of the filesystem and of a shared catalog, creating nothing where it does not. */
class LakePresenceTest {
  @TempDir
  File root;

  @Test
  void theFilesystemCatalogsLakeExistsOnceItsCuratedNamespaceDoes() {
    File lake = new File(root, "lake");
    CatalogSettings catalog = new CatalogSettings("lake", "hadoop", "", LakeLocation.of(lake.getPath()).warehouse());
    assertFalse(LakePresence.onFilesystem(catalog, new Configuration()));
    assertFalse(lake.exists(), "asking created the lake's directory");
    assertTrue(new File(lake, "warehouse/curated").mkdirs());
    assertTrue(LakePresence.onFilesystem(catalog, new Configuration()));
  }

  @Test
  void aJdbcCatalogsLakeExistsOnceItListsTheCuratedNamespace() {
    Settings settings = new SettingsLoader().withoutSystemProperties().set(Map.of(
        "transferlake.lake.root", new File(root, "lake").getPath(), "transferlake.lake.catalog", "presence_lake",
        "transferlake.lake.catalog-type", "jdbc",
        "transferlake.lake.catalog-uri", "jdbc:sqlite:" + new File(root, "catalog.db").getPath(),
        "spark.master", "local[2]")).load();
    SparkSession spark = TestSpark.session(); // LakeSessions gets this one back and adds the catalog to it
    LakeSessions.create(settings, "lake presence test");
    assertFalse(LakePresence.inCatalog(spark, "presence_lake"));
    assertFalse(new File(root, "lake").exists(), "asking created the lake's directory");
    spark.sql("CREATE NAMESPACE presence_lake." + LakePresence.NAMESPACE); // as ingest does, first
    assertTrue(LakePresence.inCatalog(spark, "presence_lake"));
  }
}
