package org.transferlake.pipeline;

import java.io.IOException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.transferlake.model.learn.ModelFormatException;
import org.transferlake.model.registry.ModelRegistry;
import org.transferlake.predict.PredictJob;
import org.transferlake.train.Experiments;

/** Screening: formulas scored with a model of the lake's registry. */
public final class PredictStage {
  private final PipelineSession session;
  private final ModelRegistry registry;

  public PredictStage(PipelineSession session) {
    this.session = session;
    this.registry = new Experiments(session.lake(), session.settings()).registry();
  }

  /**
   * The registered model of an experiment.
   *
   * @param architecture null for the one with the best cross-validated score
   * @param learner null for the architecture's
   * @param runId null for the newest published run
   */
  public ModelRegistry.Entry model(String experiment, String architecture, String learner, String runId) {
    return registry.find(experiment, architecture, learner, runId);
  }

  /**
   * Scores every row of {@code input} by its formula column; a formula that cannot be read keeps its row.
   *
   * @throws ModelFormatException when the model's artifact is damaged or changed (refused, never used)
   */
  public Dataset<Row> score(Dataset<Row> input, String formulaColumn, ModelRegistry.Entry model)
      throws ModelFormatException, IOException {
    return new PredictJob(session.lake(), registry, session.settings().featurizeElementSource())
        .predict(input, formulaColumn, model);
  }
}
