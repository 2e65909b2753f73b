package org.transferlake.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.spark.sql.SparkSession;
import org.transferlake.config.Settings;
import org.transferlake.config.SettingsException;
import org.transferlake.lake.CatalogSettings;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeLocation;
import org.transferlake.lake.LakeLock;
import org.transferlake.lake.LakePresence;
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
   * Checks the settings ({@link SettingsChecks}), then starts Spark and opens the lake, creating it where there is
   * none: for the commands that write it.
   *
   * @param name what runs, in Spark's application name: {@code transferlake <name>}
   */
  public PipelineSession(Settings settings, String name) {
    this(SettingsChecks.verify(settings), LakeSessions.create(settings, "transferlake " + name));
  }

  private PipelineSession(Settings settings, SparkSession spark) {
    this.settings = settings;
    this.spark = spark;
    this.lake = Lake.open(spark, settings.lakeCatalog());
  }

  /**
   * Checks the settings, then opens a lake that exists already, for a command that reads it: where there is none,
   * refuses before anything is created. An older lake gains the tables it lacks, as in the writers' session.
   *
   * @param name what runs, in Spark's application name ({@code transferlake <name>}) and first in the refusal
   * @throws SettingsException where the lake does not exist: where it looked, and the setting that points there
   */
  public static PipelineSession reading(Settings settings, String name) {
    CatalogSettings catalog = CatalogSettings.from(SettingsChecks.verify(settings));
    boolean filesystem = catalog.type().equals("hadoop");
    // asked before Spark starts, whose scratch directory (spark.local.dir) may lie inside the lake
    if (filesystem && !LakePresence.onFilesystem(catalog, LakeSessions.hadoopConfiguration(settings))) {
      throw MissingLake.refusal(settings, catalog, name);
    }
    SparkSession spark = LakeSessions.create(settings, "transferlake " + name);
    try {
      if (!filesystem && !LakePresence.inCatalog(spark, catalog.name())) {
        throw MissingLake.refusal(settings, catalog, name);
      }
      return new PipelineSession(settings, spark);
    } catch (RuntimeException e) {
      spark.stop();
      throw e;
    }
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
