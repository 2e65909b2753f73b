package org.transferlake.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.spark.sql.SparkSession;
import org.transferlake.config.Settings;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeLocation;
import org.transferlake.lake.LakeLock;
import org.transferlake.lake.LakeSessions;
import org.transferlake.pipeline.SettingsChecks;

/** A command's settings, Spark session and lake, closed together; with the lake's write lock when it writes. */
final class JobContext implements AutoCloseable {
  /** The lock every command that changes the lake's tables holds, so that no two such runs interleave. */
  static final String WRITE_LOCK = "write";

  final Settings settings;
  final SparkSession spark;
  final Lake lake;
  private LakeLock lock;

  JobContext(Settings settings, String command) {
    this.settings = SettingsChecks.verify(settings);
    this.spark = LakeSessions.create(settings, "transferlake " + command);
    this.lake = Lake.open(spark, settings.lakeCatalog());
  }

  /**
   * Takes the lake's write lock for the rest of this command.
   *
   * @throws LakeLock.HeldException naming the holder, when another run holds it
   */
  JobContext lockForWriting() {
    if (lock == null) {
      try {
        lock = LakeLock.acquire(LakeLocation.of(settings.lakeRoot()).root(), WRITE_LOCK,
            spark.sparkContext().hadoopConfiguration());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot take the lake's write lock", e);
      }
    }
    return this;
  }

  @Override
  public void close() {
    try {
      if (lock != null) {
        lock.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the lake's write lock " + lock.path(), e);
    } finally {
      spark.stop();
    }
  }
}
