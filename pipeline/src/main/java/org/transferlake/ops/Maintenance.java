package org.transferlake.ops;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;

/**
 * Iceberg housekeeping of every lake table with Iceberg's Spark procedures (they need the session's Iceberg SQL
 * extensions): {@code expire_snapshots} drops snapshots older than a duration, keeping the newest few, and the
 * files only they referenced (time travel reaches back no further); {@code rewrite_data_files} compacts small files.
 */
public final class Maintenance {
  /**
   * Tables whose rows a re-run replaces by run id within a partition: never compacted, since a file mixing runs
   * would make that replacement fail (Iceberg's overwrite by filter drops whole files only, see Lake.overwrite).
   */
  public static final java.util.Set<LakeTable> NOT_COMPACTED = java.util.EnumSet.of(LakeTable.METRICS,
      LakeTable.PREDICTIONS, LakeTable.CAMPAIGN_ROUNDS, LakeTable.RUNGS, LakeTable.SELECTED, LakeTable.REGISTRY,
      LakeTable.RUNS, LakeTable.RUN_COMPARISONS);

  /** What one table's housekeeping did. */
  public record Outcome(String table, long expiredDataFiles, long rewrittenFiles, long addedFiles) {}

  private final Lake lake;

  public Maintenance(Lake lake) {
    this.lake = lake;
  }

  /**
   * @param expireAfter snapshots older than this are expired; zero: none
   * @param retainLast snapshots every table keeps, whatever their age
   * @param compact whether to rewrite small data files (of the tables not in {@link #NOT_COMPACTED})
   */
  public List<Outcome> run(Duration expireAfter, int retainLast, boolean compact, Instant now) {
    List<Outcome> out = new ArrayList<>();
    for (LakeTable table : LakeTable.values()) {
      String name = RunComparisons.quote(table.qualifiedName());
      long expired = 0;
      if (!expireAfter.isZero()) {
        Row r = lake.spark().sql("CALL " + lake.catalog() + ".system.expire_snapshots(table => " + name
            + ", older_than => TIMESTAMP '" + Timestamp.from(now.minus(expireAfter)) + "', retain_last => "
            + retainLast + ")").first();
        expired = r.getLong(r.fieldIndex("deleted_data_files_count"));
      }
      long rewritten = 0;
      long added = 0;
      if (compact && !NOT_COMPACTED.contains(table)) {
        Row r = lake.spark().sql("CALL " + lake.catalog() + ".system.rewrite_data_files(table => " + name + ")")
            .first();
        rewritten = r.getInt(r.fieldIndex("rewritten_data_files_count"));
        added = r.getInt(r.fieldIndex("added_data_files_count"));
      }
      out.add(new Outcome(table.qualifiedName(), expired, rewritten, added));
    }
    return out;
  }
}
