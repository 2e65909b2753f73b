package org.transferlake.suggest;

import static org.apache.spark.sql.functions.monotonically_increasing_id;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.transferlake.config.PropertyCatalog;
import org.transferlake.config.SettingsException;
import org.transferlake.lake.Lake;
import org.transferlake.model.registry.ModelRegistry;
import org.transferlake.predict.PredictJob;

/**
 * Which experiment next: candidate compositions scored by a registered regression model (through
 * {@link PredictJob}, so featurized exactly as predict does), valued toward a goal by an acquisition function, ranked,
 * and a diverse batch of the first chosen. The ranking runs on the driver over the collected predictions (a few
 * numbers per candidate), so that the best value so far and the batch see every candidate.
 */
public final class SuggestJob {
  /** Columns added after predict's. */
  public static final String ADDED_COLUMNS = "acquisition DOUBLE, rank INT, in_batch BOOLEAN, chemical_system STRING";
  private static final String ROW = "__suggest_row";

  private final Lake lake;
  private final PredictJob predict;
  private final PropertyCatalog properties;

  public SuggestJob(Lake lake, PredictJob predict, PropertyCatalog properties) {
    this.lake = lake;
    this.predict = predict;
    this.properties = properties;
  }

  /**
   * Ranks candidates for measurement with a regression model.
   *
   * @param candidates rows with a formula column; null for every composition in the lake without a value of the
   *     model's target context (its formula column is then {@code formula}, the composition key)
   * @param unit the unit predictions (and the goal's window) are in
   * @throws SettingsException for a classification model, naming the target
   */
  public Suggestions suggest(Dataset<Row> candidates, String formulaColumn, ModelRegistry.Entry model,
      PredictJob.OutputUnit unit, SuggestRequest request) throws IOException {
    String context = model.targetContext();
    if (!properties.get(context.split("/")[0]).numeric()) {
      throw new SettingsException("model " + model.experiment() + "/" + model.architecture() + "/" + model.learner()
          + " predicts " + context + ", a label: suggest ranks candidates of a numeric target only (a regression"
          + " model); choose an experiment whose target is a number");
    }
    TargetValues measured = TargetValues.read(lake, context, unit.perCanonical());
    Dataset<Row> input = candidates == null ? TargetValues.lacking(lake, context) : candidates;
    String column = candidates == null ? "formula" : formulaColumn;
    List<String> replaced = replacedColumns(input, column);
    input = input.drop(replaced.toArray(new String[0])).withColumn(ROW, monotonically_increasing_id());
    Dataset<Row> scored = predict.predict(input, column, model, unit);
    List<Row> rows = scored.collectAsList();
    Ranking.Result ranked = new Ranking(request, measured, scored.schema(), ROW).rank(rows);

    StructType schema = new StructType();
    for (var field : scored.schema().fields()) {
      if (!field.name().equals(ROW)) {
        schema = schema.add(field);
      }
    }
    for (var field : StructType.fromDDL(ADDED_COLUMNS).fields()) {
      schema = schema.add(field);
    }
    schema = schema.add(Suggestions.ORDER_COLUMN, "long", false);
    List<Suggestions.Pick> picks = new ArrayList<>();
    for (int i = 0; i < ranked.batchSize(); i++) {
      picks.add(pick(ranked.rows().get(i), schema, column));
    }
    return new Suggestions(lake.spark().createDataFrame(ranked.rows(), schema), ranked.function(), ranked.bestFrom(),
        rows.size(), ranked.excludedMeasured(), ranked.excludedElements(), ranked.unscored(),
        measured.values().length, replaced, picks);
  }

  /** The input's columns that predict or suggest add, bar the formula column: replaced by theirs. */
  private static List<String> replacedColumns(Dataset<Row> input, String formulaColumn) {
    Set<String> added = Set.of(StructType.fromDDL(PredictJob.REGRESSION_COLUMNS + ", " + ADDED_COLUMNS)
        .fieldNames());
    return Arrays.stream(input.columns()).filter(c -> !c.equals(formulaColumn))
        .filter(c -> added.contains(c) || c.equals(Suggestions.ORDER_COLUMN) || c.equals(ROW)).toList();
  }

  private static Suggestions.Pick pick(Row r, StructType schema, String formulaColumn) {
    Object formula = r.get(schema.fieldIndex(formulaColumn));
    int imputed = schema.fieldIndex("imputed_values");
    return new Suggestions.Pick(r.getInt(schema.fieldIndex("rank")), formula == null ? null : formula.toString(),
        r.getString(schema.fieldIndex("composition_key")), r.getString(schema.fieldIndex("chemical_system")),
        r.getDouble(schema.fieldIndex("mean")), r.getDouble(schema.fieldIndex("std")),
        r.getString(schema.fieldIndex("unit")), r.getDouble(schema.fieldIndex("acquisition")),
        r.getList(schema.fieldIndex("unseen_elements")), r.isNullAt(imputed) ? null : r.getInt(imputed));
  }
}
