package org.transferlake.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.transferlake.ingest.formats.RejectCodes;

/**
 * Gives the records of a source whose formulas come through another source's ids ({@code record.formula-by-id})
 * their formula: a join in Spark between the waiting records and the id source's observations
 * ({@code source_record_id} → composition key and formula), never a map on the driver. A record is accepted
 * when its id names exactly one formula there; an id the id source does not know, or knows with several
 * formulas, refuses its record with the reason.
 */
final class IdResolution {
  private static final Column WAITING_RECORD = col("kind").equalTo(IngestItems.RECORD).and(col("accepted").isNull());
  private static final Column WAITING_OBSERVATION =
      col("kind").equalTo(IngestItems.OBSERVATION).and(col("composition_key").isNull());

  private IdResolution() {}

  /**
   * @param idRows per dependent source: the id source's id and its observations (this run's or the lake's)
   */
  static Dataset<Row> resolve(Dataset<Row> items, Map<String, Map.Entry<String, Dataset<Row>>> idRows) {
    Dataset<Row> out = items.filter(not(WAITING_RECORD.or(WAITING_OBSERVATION)));
    for (Map.Entry<String, Map.Entry<String, Dataset<Row>>> e : idRows.entrySet()) {
      String idSource = e.getValue().getKey();
      Dataset<Row> lookup = e.getValue().getValue().filter(col("source_record_id").isNotNull())
          .groupBy(col("source_record_id").as("_id"))
          .agg(countDistinct("composition_key").as("_formulas"), min("composition_key").as("_key"),
              min("formula_raw").as("_formula"));
      Dataset<Row> mine = items.filter(col("source_id").equalTo(e.getKey()));
      Dataset<Row> records = mine.filter(WAITING_RECORD)
          .join(lookup, col("source_record_id").equalTo(col("_id")), "left");
      Column known = coalesce(col("_formulas").equalTo(1), lit(false));
      Column reason = when(col("_formulas").isNull(), concat(lit("id '"), col("source_record_id"),
              lit("' is not among the ids of source '" + idSource + "': its formula is unknown")))
          .otherwise(concat(lit("id '"), col("source_record_id"), lit("' has "), col("_formulas").cast("string"),
              lit(" different formulas in source '" + idSource + "'")));
      Dataset<Row> observations = mine.filter(WAITING_OBSERVATION)
          .join(lookup.filter(col("_formulas").equalTo(1)), col("source_record_id").equalTo(col("_id")));
      out = out
          .union(IngestItems.project(records, Map.of("accepted", known)))
          .union(IngestItems.project(records.filter(not(known)), Map.of("kind", lit(IngestItems.REJECT),
              "accepted", lit(null), "reason_code", lit(RejectCodes.UNRESOLVED_ID), "reason", reason)))
          .union(IngestItems.project(observations, Map.of("composition_key", col("_key"),
              "formula_raw", col("_formula"))));
    }
    return out;
  }
}
