package org.transferlake.suggest;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.transferlake.model.acquisition.AcquisitionFunction;

/**
 * Candidates ranked for measurement.
 *
 * @param rows the input's rows (less those excluded) with predict's columns and {@link SuggestJob#ADDED_COLUMNS},
 *     in rank order (unscored rows last), and {@link #ORDER_COLUMN} holding that order
 * @param function the acquisition function used; null when no candidate could be scored
 * @param bestFrom where {@code function}'s best value came from: {@code measured}, {@code predicted} (nothing
 *     measured: the best predicted mean), or null where the function uses none
 * @param candidates the candidates read (before exclusions)
 * @param excludedMeasured candidates left out as their composition has a value of the target context in the lake
 * @param excludedElements candidates left out for an excluded element
 * @param unscored rows kept without a prediction (an unreadable formula, an element without properties)
 * @param measured the values of the target context in the lake
 * @param replacedColumns input columns dropped because suggest writes columns of those names
 * @param batch the batch, in the order to measure
 */
public record Suggestions(Dataset<Row> rows, AcquisitionFunction function, String bestFrom, long candidates,
    long excludedMeasured, long excludedElements, long unscored, long measured, List<String> replacedColumns,
    List<Pick> batch) {
  /** The rows' order (rank, then input order for unranked rows), for a writer that must keep it; not data. */
  public static final String ORDER_COLUMN = "__suggest_order";

  /** One batch member, as the summary prints it. */
  public record Pick(int rank, String formula, String compositionKey, String chemicalSystem, double mean, double std,
      String unit, double acquisition, List<String> unseenElements, Integer imputedValues) {}
}
