package org.transferlake.lake;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.transferlake.config.Settings;

/** Builds the Spark session with the lake's Iceberg catalog; works the same locally and under spark-submit. */
public final class LakeSessions {
  private LakeSessions() {}

  public static SparkSession create(Settings settings, String appName) {
    SparkConf submitted = new SparkConf(); // what spark-submit or -Dspark.* already set
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    for (Map.Entry<String, String> e : settings.sparkConf().entrySet()) {
      // A profile's value gives way to spark-submit's; a --set value wins over both.
      if (settings.explicitSparkKeys().contains(e.getKey()) || !submitted.contains(e.getKey())) {
        builder.config(e.getKey(), e.getValue());
      }
    }
    if (!submitted.contains("spark.master") && !settings.sparkConf().containsKey("spark.master")) {
      builder.master("local[*]");
    }
    // Iceberg's SQL extensions: CALL lake.system.expire_snapshots(...), rewrite_data_files, WRITE ORDERED BY
    builder.config("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
        .config("spark.sql.warehouse.dir", LakeLocation.of(settings.lakeRoot()).sparkWarehouse());
    CatalogSettings.from(settings).sparkProperties().forEach(builder::config);
    return builder.getOrCreate();
  }
}
