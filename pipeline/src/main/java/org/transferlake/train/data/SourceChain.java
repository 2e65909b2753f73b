package org.transferlake.train.data;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A source chain merged to one row per composition: the row of the first link, in the chain's order, that holds
 * the composition.
 */
public final class SourceChain {
  /** The column of the merged rows that holds the index of the link a row came from. */
  public static final String LINK = "link";

  private static final String KEY = "composition_key";
  private static final String VALUES = "values";

  private SourceChain() {}

  /**
   * @param links per link, in the chain's order, one row per composition: {@code composition_key} and
   *     {@code values} (the link's observations of it)
   * @return {@code composition_key}, {@code values} and {@link #LINK}, one row per composition of any link
   */
  public static Dataset<Row> firstLinkWins(List<Dataset<Row>> links) {
    if (links.isEmpty()) {
      throw new IllegalArgumentException("a chain needs a link");
    }
    Dataset<Row> all = null;
    for (int j = 0; j < links.size(); j++) {
      Dataset<Row> link = links.get(j).select(col(KEY), col(VALUES), lit(j).as(LINK));
      all = all == null ? link : all.unionByName(link);
    }
    // A composition appears once per link, so the smallest link index picks one row.
    return all.groupBy(KEY).agg(min(struct(col(LINK), col(VALUES))).as("first"))
        .select(col(KEY), col("first." + VALUES).as(VALUES), col("first." + LINK).as(LINK));
  }
}
