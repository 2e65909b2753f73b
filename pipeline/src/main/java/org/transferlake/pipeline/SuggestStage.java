package org.transferlake.pipeline;

import java.io.IOException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.transferlake.model.learn.ModelFormatException;
import org.transferlake.model.registry.ModelRegistry;
import org.transferlake.predict.PredictJob;
import org.transferlake.suggest.SuggestJob;
import org.transferlake.suggest.SuggestRequest;
import org.transferlake.suggest.Suggestions;

/** Which experiment next: candidates ranked toward a goal with a model of the lake's registry, as predict scores. */
public final class SuggestStage {
  private final PipelineSession session;
  private final PredictStage predict;

  public SuggestStage(PipelineSession session) {
    this.session = session;
    this.predict = new PredictStage(session);
  }

  /** The registered model, chosen as {@link PredictStage#model} chooses it. */
  public ModelRegistry.Entry model(String experiment, String architecture, String learner, String runId) {
    return predict.model(experiment, architecture, learner, runId);
  }

  /** The unit predictions, and so a goal's window, are in ({@link PredictStage#unit}); null for a label target. */
  public PredictJob.OutputUnit unit(ModelRegistry.Entry model) {
    return predict.unit(model);
  }

  /**
   * Ranks candidates for measurement.
   *
   * @param candidates rows with a formula column; null for every composition in the lake without a value of the
   *     model's target context
   * @throws ModelFormatException when the model's artifact is damaged or changed (refused, never used)
   */
  public Suggestions suggest(Dataset<Row> candidates, String formulaColumn, ModelRegistry.Entry model,
      SuggestRequest request) throws ModelFormatException, IOException {
    PredictJob.OutputUnit unit = predict.unit(model);
    return new SuggestJob(session.lake(), predict.job(), session.settings().properties()).suggest(candidates, formulaColumn,
        model, unit == null ? new PredictJob.OutputUnit(null, 1.0) : unit, request);
  }
}
