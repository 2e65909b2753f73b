package org.transferlake.jobs;

import org.apache.spark.sql.SparkSession;
import org.transferlake.config.Settings;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeSessions;

/** A command's settings, Spark session and lake, closed together. */
final class JobContext implements AutoCloseable {
  final Settings settings;
  final SparkSession spark;
  final Lake lake;

  JobContext(Settings settings, String command) {
    this.settings = settings;
    this.spark = LakeSessions.create(settings, "transferlake " + command);
    this.lake = Lake.open(spark, settings.lakeCatalog());
  }

  @Override
  public void close() {
    spark.stop();
  }
}
