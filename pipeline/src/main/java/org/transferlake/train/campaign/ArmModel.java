package org.transferlake.train.campaign;

import java.util.List;
import org.transferlake.model.components.Components;
import org.transferlake.model.learn.Learner;
import org.transferlake.model.learn.Prediction;
import org.transferlake.model.learn.ValueRange;
import org.transferlake.model.transfer.ArchitectureComponent;
import org.transferlake.model.transfer.ContextSet;
import org.transferlake.model.transfer.SourceModels;
import org.transferlake.model.transfer.TransferData;
import org.transferlake.train.data.ExperimentData;
import org.transferlake.train.experiment.CampaignSpec;
import org.transferlake.train.experiment.ExperimentDefinition;

/**
 * An arm's model in one round: its architecture and learner fitted on the measured rows only, predicting the
 * candidates with means moved into the property's range (as the training units do).
 */
final class ArmModel {
  private final ExperimentDefinition experiment;
  private final ExperimentData data;
  private final SourceModels sources;
  private final ArchitectureComponent architecture;
  private final Learner learner;

  ArmModel(ExperimentDefinition experiment, ExperimentData data, SourceModels sources, CampaignSpec.Arm arm) {
    this.experiment = experiment;
    this.data = data;
    this.sources = sources;
    this.architecture = Components.architecture(arm.architecture());
    // source_only fits no learner; it is handed the first listed one, which it ignores
    this.learner = arm.learner() != null ? Components.learner(arm.learner()).create(arm.params(), 1)
        : Components.learner(experiment.learners().get(0).name()).create(
            experiment.learners().get(0).points(experiment.seed()).get(0), 1);
  }

  /** Fits on {@code measured}, predicts {@code candidates}: their means (within the range) and σ. */
  ValueRange.Within predict(int[] measured, int[] candidates, long seed) {
    List<ContextSet> sourceSets = data.sources();
    var model = architecture.create(experiment.architectureSettings())
        .fit(new TransferData(data.targetSet(measured), sourceSets, data.range()), learner, sources, seed);
    ContextSet c = data.targetSet(candidates);
    Prediction p = model.predict(c.keys(), c.x());
    return data.range().apply(p.mean(0), p.std(0));
  }
}
