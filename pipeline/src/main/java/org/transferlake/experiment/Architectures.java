package org.transferlake.experiment;

import org.transferlake.transfer.Architecture;
import org.transferlake.transfer.Difference;
import org.transferlake.transfer.LatentVariable;
import org.transferlake.transfer.MultiTask;
import org.transferlake.transfer.NaiveUnion;
import org.transferlake.transfer.TargetOnly;
import org.transferlake.transfer.TwoStage;

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
