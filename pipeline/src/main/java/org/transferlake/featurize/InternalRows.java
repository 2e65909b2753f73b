package org.transferlake.featurize;

import java.util.Iterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;

/**
 * Maps a Dataset partition by partition over Spark's internal rows. Spark's public Row API converts every
 * value to a Java object and back; for 100+ double columns per row that conversion costs more than the
 * features themselves. Uses the classic session's internal entry points (Spark 4.1, pinned by the build).
 */
final class InternalRows {
  private InternalRows() {}

  /**
   * {@code f} applied to each partition of {@code input}'s rows, as a DataFrame of {@code schema}.
   *
   * @param f returns rows of {@code schema}; it may reuse one row object, which Spark copies
   */
  static Dataset<Row> map(Dataset<?> input, StructType schema, FlatMapFunction<Iterator<InternalRow>, InternalRow> f) {
    if (!(input instanceof org.apache.spark.sql.classic.Dataset<?> classic)) {
      throw new IllegalArgumentException("the composition featurizer needs a classic Spark session, not Spark Connect");
    }
    JavaRDD<InternalRow> rows = classic.queryExecution().toRdd().toJavaRDD().mapPartitions(f);
    return classic.sparkSession().internalCreateDataFrame(rows.rdd(), schema, false);
  }
}
