package org.transferlake.model.transfer;

import java.util.List;
import java.util.Map;
import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.Model;

/** Rebuilds a fitted architecture from its parts (a saved model's, or a freshly trained one's). */
public final class TransferModels {
  private TransferModels() {}

  /**
   * @param sources the source estimates, for {@code difference} and {@code latent_variable}; ignored otherwise
   * @throws IllegalArgumentException for an unknown architecture or options it cannot read
   */
  public static TransferModel assemble(String architecture, List<Model> models, Label target,
      Map<String, String> options, SourceEstimator sources) {
    if (architecture.startsWith(TwoStage.PREFIX)) {
      TransferModel second = assemble(architecture.substring(TwoStage.PREFIX.length()),
          models.subList(0, models.size() - 1), target, options, sources);
      return TwoStage.assemble(architecture, models, second, target, options, sources);
    }
    Model model = models.get(0);
    return switch (architecture) {
      case TargetOnly.NAME -> TargetOnly.assemble(model, target);
      case NaiveUnion.NAME, NaiveUnion.WITH_CONTEXT -> NaiveUnion.assemble(architecture, model, target, options);
      case MultiTask.NAME -> MultiTask.assemble(model, target);
      case Difference.NAME -> Difference.assemble(model, target, options, sources);
      case LatentVariable.NAME -> LatentVariable.assemble(model, target, options, sources);
      default -> throw new IllegalArgumentException("architecture '" + architecture + "' is not known");
    };
  }
}
