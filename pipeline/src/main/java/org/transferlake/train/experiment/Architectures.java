package org.transferlake.train.experiment;

import org.transferlake.model.transfer.Architecture;
import org.transferlake.model.transfer.Difference;
import org.transferlake.model.transfer.LatentVariable;
import org.transferlake.model.transfer.MultiTask;
import org.transferlake.model.transfer.NaiveUnion;
import org.transferlake.model.transfer.TargetOnly;
import org.transferlake.model.transfer.TwoStage;

/** Builds an architecture from its name and the experiment's options. */
public final class Architectures {
  private Architectures() {}

  public static Architecture create(String name, ExperimentDefinition e) {
    if (name.startsWith(TwoStage.PREFIX)) {
      return new TwoStage(create(name.substring(TwoStage.PREFIX.length()), e));
    }
    return switch (name) {
      case "target_only" -> new TargetOnly();
      case "naive_union" -> NaiveUnion.plain();
      case "union_context" -> NaiveUnion.withContext();
      case "multi_task" -> new MultiTask();
      case "difference" -> new Difference(e.useMeasured());
      case "latent_variable" -> new LatentVariable(e.useMeasured(), e.addSourceVariance());
      default -> throw new IllegalArgumentException("architecture '" + name + "' is not known (known: "
          + String.join(", ", ExperimentDefinition.ARCHITECTURES) + ")");
    };
  }
}
