package org.transferlake.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.spark.sql.SparkSession;
import org.transferlake.config.Settings;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeLocation;
import org.transferlake.lake.LakeLock;
import org.transferlake.lake.LakeSessions;

/** A run's settings, Spark session and lake, closed together; with the lake's write lock when it writes. */
public final class PipelineSession implements AutoCloseable {
  /** The lock every run that changes the lake's tables holds, so that no two such runs interleave. */
  public static final String WRITE_LOCK = "write";

  private final Settings settings;
  private final SparkSession spark;
  private final Lake lake;
  private LakeLock lock;

  /**
   * Checks the settings ({@link SettingsChecks}), then starts Spark and opens the lake.
   *
   * @param name what runs, in Spark's application name: {@code transferlake <name>}
   */
  public PipelineSession(Settings settings, String name) {
    this.settings = SettingsChecks.verify(settings);
    this.spark = LakeSessions.create(settings, "transferlake " + name);
    this.lake = Lake.open(spark, settings.lakeCatalog());
  }

  public Settings settings() {
    return settings;
  }

  public SparkSession spark() {
    return spark;
  }

  public Lake lake() {
    return lake;
  }

  /**
   * Takes the lake's write lock for the rest of this session; does nothing when it holds it already.
   *
   * @throws LakeLock.HeldException naming the holder, when another run holds it
   */
  public PipelineSession lockForWriting() throws LakeLock.HeldException {
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
