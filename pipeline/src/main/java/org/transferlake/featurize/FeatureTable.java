package org.transferlake.featurize;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.transferlake.lake.Lake;

/**
 * One table {@code features.<preset>}: one row per composition key, the preset's feature columns, and
 * the stamps that say which featurizer and which element table computed the row. Its columns follow the
 * preset, so it is created by its first full write rather than declared in {@link LakeTable}.
 */
public final class FeatureTable {
  public static final String NAMESPACE = "features";
  public static final String KEY = "composition_key";
  public static final String VERSION = "featurizer_version";
  public static final String ELEMENT_TABLE_SHA256 = "element_table_sha256";
  public static final String RUN_ID = "featurize_run_id";

  /** What a group of rows was computed with, and how many rows carry it. */
  public record Stamp(String featurizerVersion, String elementTableSha256, long rows) {}

  private final Lake lake;
  private final String preset;

  public FeatureTable(Lake lake, String preset) {
    if (!preset.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("preset '" + preset + "' cannot name a table: expected a-z, 0-9 and _");
    }
    this.lake = lake;
    this.preset = preset;
  }

  /** {@code <catalog>.features.<preset>}. */
  public String name() {
    return lake.catalog() + "." + NAMESPACE + "." + preset;
  }

  public boolean exists() {
    return lake.spark().catalog().tableExists(name());
  }

  public Dataset<Row> read() {
    return lake.spark().table(name());
  }

  /** The distinct stamps of the table's rows; empty when the table does not exist. */
  public List<Stamp> stamps() {
    List<Stamp> stamps = new ArrayList<>();
    if (!exists()) {
      return stamps;
    }
    for (Row r : read().groupBy(VERSION, ELEMENT_TABLE_SHA256).count().collectAsList()) {
      stamps.add(new Stamp(r.getString(0), r.getString(1), r.getLong(2)));
    }
    return stamps;
  }

  /**
   * Replaces the whole table, schema included, with {@code rows} in one commit; creates it if needed.
   *
   * @param dictionaryColumns the only columns Parquet dictionary-encodes: worth it for columns of few
   *     distinct values, a loss of time (hashing every value) for the near-continuous features
   */
  public void replace(Dataset<Row> rows, List<String> dictionaryColumns) {
    // the properties every lake table has (see LakeTable)
    var writer = rows.writeTo(name()).using("iceberg")
        .tableProperty("format-version", "2")
        .tableProperty("write.parquet.compression-codec", "zstd")
        .tableProperty("parquet.enable.dictionary", "false");
    for (String column : dictionaryColumns) {
      writer = writer.tableProperty("write.parquet.dict-encoding-enabled.column." + column, "true");
    }
    writer.createOrReplace();
  }

  /** Appends {@code rows} in one commit. */
  public void append(Dataset<Row> rows) {
    try {
      rows.writeTo(name()).append();
    } catch (NoSuchTableException e) {
      throw new IllegalStateException(name() + " vanished while writing", e);
    }
  }
}
