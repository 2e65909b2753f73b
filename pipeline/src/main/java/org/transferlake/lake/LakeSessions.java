package org.transferlake.lake;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.transferlake.config.Settings;
import scala.Tuple2;

/** Builds the Spark session with the lake's Iceberg catalog; works the same locally and under spark-submit. */
public final class LakeSessions {
  /** Iceberg's SQL extensions: CALL lake.system.expire_snapshots(...), rewrite_data_files, WRITE ORDERED BY. */
  public static final String EXTENSIONS = "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions";
  /** The prefix Spark strips from a property to give it to Hadoop. */
  private static final String HADOOP = "spark.hadoop.";

  private LakeSessions() {}

  public static SparkSession create(Settings settings, String appName) {
    SparkConf submitted = new SparkConf(); // what spark-submit or -Dspark.* already set
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    properties(settings, submitted).forEach(builder::config);
    if (!submitted.contains("spark.master") && !settings.sparkConf().containsKey("spark.master")) {
      builder.master("local[*]");
    }
    return builder.getOrCreate();
  }

  /**
   * The Hadoop configuration the session would get, without starting it: Hadoop's defaults (core-site.xml) and the
   * {@code spark.hadoop.*} properties, from spark-submit and from the settings, which win as in the session.
   */
  public static Configuration hadoopConfiguration(Settings settings) {
    SparkConf submitted = new SparkConf();
    Map<String, String> all = new LinkedHashMap<>();
    for (Tuple2<String, String> e : submitted.getAll()) {
      all.put(e._1(), e._2());
    }
    all.putAll(properties(settings, submitted));
    Configuration conf = new Configuration();
    all.forEach((key, value) -> {
      if (key.startsWith(HADOOP)) {
        conf.set(key.substring(HADOOP.length()), value);
      }
    });
    return conf;
  }

  /** The properties the session is given over what spark-submit set, without spark.master. */
  private static Map<String, String> properties(Settings settings, SparkConf submitted) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : settings.sparkConf().entrySet()) {
      // A profile's value gives way to spark-submit's; a --set value wins over both.
      if (settings.explicitSparkKeys().contains(e.getKey()) || !submitted.contains(e.getKey())) {
        out.put(e.getKey(), e.getValue());
      }
    }
    out.put("spark.sql.extensions", EXTENSIONS);
    out.put("spark.sql.warehouse.dir", LakeLocation.of(settings.lakeRoot()).sparkWarehouse());
    out.putAll(CatalogSettings.from(settings).sparkProperties());
    return out;
  }
}
