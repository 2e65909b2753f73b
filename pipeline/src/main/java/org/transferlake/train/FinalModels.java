package org.transferlake.train;

import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;
import org.transferlake.model.registry.FinalChoice;
import org.transferlake.model.registry.FinalFit;
import org.transferlake.model.registry.ModelRegistry;
import org.transferlake.train.data.FeatureSets;
import org.transferlake.train.experiment.ExperimentDefinition;
import org.transferlake.train.units.FinalChoices;
import org.transferlake.train.units.UnitScore;

/** A run's final models: chosen from its units' scores, refitted on every target row, registered. */
final class FinalModels {
  private static final Logger LOG = LoggerFactory.getLogger(FinalModels.class);

  private final Lake lake;
  private final ModelRegistry registry;

  FinalModels(Lake lake, ModelRegistry registry) {
    this.lake = lake;
    this.registry = registry;
  }

  /**
   * Refits each architecture and learner's chosen hyperparameters and preset on every target row, one Spark task each, and
   * registers the models with the cross-validated scores that chose them.
   */
  void register(String runId, ExperimentDefinition e, FeatureSets data, List<UnitScore> results,
      JavaSparkContext jsc, Broadcast<Shared> shared) {
    List<FinalChoice> choices = FinalChoices.choose(results, data.first().label().isClassification());
    if (choices.isEmpty()) {
      LOG.info("run {}: no unit trained on whole folds (learning-curve without 'all'), so no model registered", runId);
      return;
    }
    Map<String, String> about = Map.of("experiment", e.name(), "run_id", runId, "config_sha256",
        e.definitionSha256());
    List<FinalFit> fits = jsc.parallelize(choices, choices.size()).map(choice ->
        shared.value().runners().of(choice.features()).fitFinal(choice, about)).collect();
    try {
      registry.write(runId, e.name(), data.first().targetContext(), fits);
    } catch (java.io.IOException ex) {
      throw new java.io.UncheckedIOException("run " + runId + ": cannot write model artifacts", ex);
    }
    LOG.info("run {}: registered {} final models in {}", runId, fits.size(), lake.name(LakeTable.REGISTRY));
  }
}
