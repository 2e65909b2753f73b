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
    LakeLocation location = LakeLocation.of(settings.lakeRoot());
    String catalog = "spark.sql.catalog." + settings.lakeCatalog();
    builder.config("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
        .config(catalog, "org.apache.iceberg.spark.SparkCatalog")
        .config(catalog + ".type", "hadoop")
        .config(catalog + ".warehouse", location.warehouse())
        .config("spark.sql.warehouse.dir", location.sparkWarehouse());
    return builder.getOrCreate();
  }
}
