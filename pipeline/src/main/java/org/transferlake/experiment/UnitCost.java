package org.transferlake.experiment;

import java.util.Map;

/**
 * What a work unit is expected to cost: relative units to balance tasks and waves, and seconds on one core for
 * {@code train --dry-run}. The seconds per cost unit were measured on the 2-core development machine with the
 * learner benchmark ({@code bench/learners/run.sh}: forest 200 trees on 3,683 rows in 13.6 s on one thread; mlp
 * 100 epochs on 3,683 rows in 4.7 s); another machine scales them.
 *
 * @param targetRows target records of the experiment (a unit trains on about 4/5 of them for 5 folds)
 * @param sourceRows source compositions of all sources together (union architectures train on them too)
 * @param sourceCount source contexts
 * @param unionCap {@code options.union-source-rows}: rows per source union architectures pool at most (0: all)
 * @param innerFolds inner validation folds, each one more fit on part of the training rows
 */
public record UnitCost(int targetRows, long sourceRows, int sourceCount, int unionCap, int innerFolds)
    implements java.io.Serializable {
  private static final double FOREST_SECONDS = 13.6 / (3683 * log2(3683) * 200);
  private static final double MLP_SECONDS = 4.7 / (3683.0 * 100);

  /** Expected seconds on one core: also the cost that balances tasks and waves. */
  public double seconds(WorkUnit unit) {
    String architecture = ExperimentDefinition.baseArchitecture(unit.architecture());
    double n = unit.nTrain() == 0 ? targetRows * 0.8 : Math.min(unit.nTrain(), targetRows);
    boolean union = architecture.equals("naive_union") || architecture.equals("union_context")
        || architecture.equals("multi_task");
    if (union) {
      n += unionCap > 0 ? Math.min(sourceRows, unionCap * (long) sourceCount) : sourceRows;
    }
    double stages = (architecture.equals("difference") || architecture.equals("latent_variable") ? 1.2 : 1.0)
        + (unit.architecture().equals(architecture) ? 0 : 1.0);
    double fits = 1 + (innerFolds == 0 ? 0 : innerFolds * (innerFolds - 1.0) / innerFolds);
    return perFit(unit.learner(), unit.params(), n) * stages * fits;
  }

  private static double perFit(String learner, Map<String, String> params, double n) {
    return switch (learner) {
      case "mlp" -> MLP_SECONDS * n * number(params, "max_epochs", 300) * number(params, "ensemble", 5) * 0.5;
      case "mllib_linear" -> FOREST_SECONDS * n * 10;
      default -> FOREST_SECONDS * n * log2(n + 2) * number(params, "trees", learner.equals("forest") ? 200 : 50)
          * number(params, "max_features", 1.0);
    };
  }

  private static double number(Map<String, String> params, String key, double otherwise) {
    String v = params.get(key);
    try {
      return v == null ? otherwise : Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
