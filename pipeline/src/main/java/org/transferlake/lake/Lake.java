package org.transferlake.lake;

import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.types.StructField;

/** The lake's tables in one Iceberg catalog: names, creation on first use, and reads. */
public final class Lake {
  /** Namespaces, in the order data flows through them. */
  public static final List<String> NAMESPACES = List.of("curated", "features", "results", "models", "ops");

  private final SparkSession spark;
  private final String catalog;

  private Lake(SparkSession spark, String catalog) {
    this.spark = spark;
    this.catalog = catalog;
  }

  /** Opens the lake, creating its namespaces and tables where they do not exist yet. */
  public static Lake open(SparkSession spark, String catalog) {
    Lake lake = new Lake(spark, catalog);
    for (String namespace : NAMESPACES) {
      spark.sql("CREATE NAMESPACE IF NOT EXISTS " + catalog + "." + namespace);
    }
    for (LakeTable table : LakeTable.values()) {
      lake.ensure(table);
    }
    return lake;
  }

  public SparkSession spark() {
    return spark;
  }

  public String catalog() {
    return catalog;
  }

  /** The table's full SQL name: {@code <catalog>.<namespace>.<name>}. */
  public String name(LakeTable table) {
    return catalog + "." + table.qualifiedName();
  }

  public Dataset<Row> read(LakeTable table) {
    return spark.table(name(table));
  }

  /** Replaces the rows matching {@code condition} with {@code rows}, in one commit. */
  public void overwrite(LakeTable table, Dataset<Row> rows, Column condition) {
    try {
      rows.writeTo(name(table)).overwrite(condition);
    } catch (NoSuchTableException e) {
      throw new IllegalStateException(name(table) + " vanished while writing", e);
    }
  }

  /** Appends {@code rows}, in one commit. */
  public void append(LakeTable table, Dataset<Row> rows) {
    try {
      rows.writeTo(name(table)).append();
    } catch (NoSuchTableException e) {
      throw new IllegalStateException(name(table) + " vanished while writing", e);
    }
  }

  private void ensure(LakeTable table) {
    if (spark.catalog().tableExists(name(table))) {
      addMissingColumns(table);
      if (table.hasRunId() && spark.sql("SHOW TBLPROPERTIES " + name(table)).where("key = '"
          + LakeTable.RUN_ID_METRICS + "'").isEmpty()) { // a lake created before the property
        spark.sql("ALTER TABLE " + name(table) + " SET TBLPROPERTIES ('" + LakeTable.RUN_ID_METRICS + "' = 'full')");
      }
      return;
    }
    spark.sql(table.createStatement(catalog));
    String order = table.writeOrderStatement(catalog);
    if (order != null) {
      spark.sql(order);
    }
  }

  /** A lake written by an earlier version gains the columns added since (Iceberg schema evolution, no rewrite). */
  private void addMissingColumns(LakeTable table) {
    Set<String> present = Set.of(read(table).schema().fieldNames());
    for (StructField f : table.schema().fields()) {
      if (!present.contains(f.name())) {
        spark.sql("ALTER TABLE " + name(table) + " ADD COLUMNS (" + f.name() + " " + f.dataType().sql() + ")");
      }
    }
  }
}
