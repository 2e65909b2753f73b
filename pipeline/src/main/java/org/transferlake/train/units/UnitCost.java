package org.transferlake.train.units;

import java.util.Map;
import org.transferlake.model.learn.forest.ForestLearner;
import org.transferlake.model.learn.mlp.MlpLearner;
import org.transferlake.train.experiment.ExperimentDefinition;

/**
 * What a work unit is expected to cost: relative units to balance tasks and waves, and seconds on one core for
 * {@code train --dry-run}. The forest's constants and the mlp's epochs are fitted to the {@code fit_seconds} that
 * lake.results.metrics holds for the paper and full profiles' runs on the 2-core development machine (two tasks side by side; RESULTS.md): forests
 * of 100 and 200 trees on 1,825 to 17,683 rows took 0.7-1.3 times what it says, mlp ensembles 0.5-1.5 times
 * (early stopping makes their epochs hard to foresee). Another machine scales them.
 *
 * @param targetRows target records of the experiment (a unit trains on about 4/5 of them for 5 folds)
 * @param sourceRows source compositions of all sources together (union architectures train on them too)
 * @param sourceCount source contexts
 * @param unionCap {@code options.union-source-rows}: rows per source union architectures pool at most (0: all)
 * @param innerFolds inner validation folds, each one more fit on part of the training rows
 */
public record UnitCost(int targetRows, long sourceRows, int sourceCount, int unionCap, int innerFolds)
    implements java.io.Serializable {
  /** A forest's seconds per row x log2(rows) x tree, with every feature tried at each split. */
  private static final double FOREST_SECONDS = 2.4e-6;
  /** The share of a tree's time that does not shrink with max_features (bootstrap, sorting, leaves). */
  private static final double FOREST_FIXED_SHARE = 0.15;
  /** An mlp's seconds per row x epoch x ensemble member (learner benchmark: 100 epochs on 3,683 rows in 4.7 s). */
  private static final double MLP_SECONDS = 4.7 / (3683.0 * 100);
  /** A linear model's seconds per row (not measured: ten passes at the forest's first, benchmark-based rate). */
  private static final double LINEAR_SECONDS = 1.6e-5;
  private static final ForestLearner FOREST = ForestLearner.defaults();
  private static final MlpLearner MLP = MlpLearner.defaults();

  /** Expected seconds on one core: also the cost that balances tasks and waves. */
  public double seconds(WorkUnit unit) {
    String architecture = ExperimentDefinition.baseArchitecture(unit.architecture());
    double n = unit.nTrain() == 0 ? targetRows * 0.8 : Math.min(unit.nTrain(), targetRows);
    boolean union = architecture.equals("naive_union") || architecture.equals("union_context")
        || architecture.equals("multi_task");
    if (union) {
      n += unionCap > 0 ? Math.min(sourceRows, unionCap * (long) sourceCount) : sourceRows;
    }
    double stages = architecture.equals("difference") || architecture.equals("latent_variable") ? 1.2 : 1.0;
    if (!unit.architecture().equals(architecture)) {
      // two-stage: a classifier on every target row, the inner architecture on the non-zero ones (about half)
      stages = 0.8 + 0.5 * stages;
    }
    double fits = 1 + (innerFolds == 0 ? 0 : innerFolds * (innerFolds - 1.0) / innerFolds);
    return perFit(unit.learner(), unit.params(), n) * stages * fits;
  }

  private static double perFit(String learner, Map<String, String> params, double n) {
    return switch (learner) {
      case "mlp" -> {
        // early stopping: the runs measured stopped after about twice the patience, well short of max_epochs
        double epochs = Math.min(number(params, "max_epochs", MLP.maxEpochs()),
            2 * number(params, "patience", MLP.patience()));
        yield MLP_SECONDS * n * epochs * number(params, "ensemble", MLP.ensemble());
      }
      case "mllib_linear" -> LINEAR_SECONDS * n;
      default -> {
        double trees = number(params, "trees", learner.equals("forest") ? FOREST.trees() : 50);
        double featureShare = number(params, "max_features", FOREST.maxFeatures());
        yield FOREST_SECONDS * n * log2(n + 2) * trees
            * (FOREST_FIXED_SHARE + (1 - FOREST_FIXED_SHARE) * featureShare);
      }
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
