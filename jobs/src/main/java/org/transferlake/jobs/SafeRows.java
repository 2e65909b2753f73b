package org.transferlake.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.udf;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Rows made safe for {@link Dataset#show}: every string value, string arrays' too, and every column name passed
 * through {@link SafeText#value}. For printing only; what is written keeps the values as they are.
 */
final class SafeRows {
  private SafeRows() {}

  static Dataset<Row> of(Dataset<Row> rows) {
    UserDefinedFunction safe = udf((UDF1<String, String>) SafeText::value, DataTypes.StringType);
    StructField[] fields = rows.schema().fields();
    Column[] columns = new Column[fields.length];
    for (int i = 0; i < fields.length; i++) {
      Column c = col("`" + fields[i].name().replace("`", "``") + "`");
      if (fields[i].dataType().equals(DataTypes.StringType)) {
        c = safe.apply(c);
      } else if (fields[i].dataType() instanceof ArrayType a && a.elementType().equals(DataTypes.StringType)) {
        c = transform(c, x -> safe.apply(x));
      }
      columns[i] = c.as(SafeText.value(fields[i].name()));
    }
    return rows.select(columns);
  }
}
