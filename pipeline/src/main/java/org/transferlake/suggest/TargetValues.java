package org.transferlake.suggest;

import static org.apache.spark.sql.functions.col;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;

/**
 * The values of a model's target context in the lake: which compositions are measured, and the values (in the
 * unit predictions are given in) that improvement is counted from.
 */
record TargetValues(Set<String> keys, double[] values) {

  /** The rows of {@code property/fidelity/source_id} with a value. */
  static Column of(String context) {
    String[] parts = context.split("/", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("target context " + context + ": expected property/fidelity/source_id");
    }
    return col("property").equalTo(parts[0]).and(col("fidelity").equalTo(parts[1]))
        .and(col("source_id").equalTo(parts[2])).and(col("value_double").isNotNull());
  }

  /**
   * The context's measured compositions and values.
   *
   * @param perCanonical multiplies a value in the property's canonical unit into the predictions' unit
   */
  static TargetValues read(Lake lake, String context, double perCanonical) {
    List<Row> rows = lake.read(LakeTable.OBSERVATIONS).where(of(context))
        .select("composition_key", "value_double").collectAsList();
    Set<String> keys = new HashSet<>();
    double[] values = new double[rows.size()];
    for (int i = 0; i < values.length; i++) {
      keys.add(rows.get(i).getString(0));
      values[i] = rows.get(i).getDouble(1) * perCanonical;
    }
    return new TargetValues(keys, values);
  }

  /** Every composition the lake holds that has no value of the context, one row each, as column {@code formula}. */
  static Dataset<Row> lacking(Lake lake, String context) {
    Dataset<Row> all = lake.read(LakeTable.OBSERVATIONS);
    return all.select("composition_key").distinct()
        .join(all.where(of(context)).select("composition_key"), "composition_key",
            "left_anti")
        .orderBy("composition_key").withColumnRenamed("composition_key", "formula");
  }
}
