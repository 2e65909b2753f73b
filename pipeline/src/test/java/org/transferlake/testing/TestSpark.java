package org.transferlake.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.SparkSession;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeLocation;

/**
 * One local Spark session for a test JVM (starting one takes seconds), and a fresh lake per test: each lake
 * is its own Iceberg catalog with its own warehouse directory, so tests never see each other's tables.
 */
public final class TestSpark {
  private static final AtomicInteger LAKES = new AtomicInteger();
  private static SparkSession session;

  private TestSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder()
          .appName("transferlake-tests")
          .master("local[2]")
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
          .config("spark.sql.warehouse.dir", tempDir("spark-warehouse").toURI().toString())
          .getOrCreate();
    }
    return session;
  }

  /** A new, empty lake in a temporary directory. */
  public static Lake freshLake() {
    String catalog = "lake" + LAKES.incrementAndGet();
    String root = LakeLocation.of(tempDir("lake").getPath()).root();
    SparkSession spark = session();
    spark.conf().set("spark.sql.catalog." + catalog, "org.apache.iceberg.spark.SparkCatalog");
    spark.conf().set("spark.sql.catalog." + catalog + ".type", "hadoop");
    spark.conf().set("spark.sql.catalog." + catalog + ".warehouse", new LakeLocation(root).warehouse());
    return Lake.open(spark, catalog);
  }

  public static File tempDir(String prefix) {
    try {
      return Files.createTempDirectory("transferlake-" + prefix).toFile();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
