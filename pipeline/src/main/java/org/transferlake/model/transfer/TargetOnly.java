package org.transferlake.model.transfer;

import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.Learner;
import org.transferlake.model.learn.Model;
import org.transferlake.model.learn.TrainingSet;
import org.transferlake.model.transfer.ArchitectureComponent.Needs;
import org.transferlake.model.transfer.ArchitectureComponent.SourceUse;

/** The baseline every transfer method must beat: the target context alone. */
public final class TargetOnly implements Architecture {
  public static final String NAME = "target_only";
  public static final ArchitectureComponent COMPONENT = new ArchitectureComponent(NAME,
      "the target context alone: the yardstick every transfer method must beat",
      Needs.of(SourceUse.NONE), 1.0, settings -> new TargetOnly(),
      (models, target, options, sources) -> assemble(models.get(0), target));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public TransferModel fit(TransferData data, Learner learner, SourceModels sources, long seed) {
    ContextSet t = data.target();
    Model model = learner.fit(data.bounded(TrainingSet.of(t.x(), t.y(), t.label()), 0, null), seed);
    return assemble(model, t.label());
  }

  static TransferModel assemble(Model model, Label target) {
    return new Fitted(NAME, model, target, java.util.Map.of(), null, (keys, x) -> model.predict(x));
  }
}
