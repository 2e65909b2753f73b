package org.transferlake.model.learn;

/**
 * Seconds per fit on one core, the constants that {@link LearnerComponent.CostModel}s share. Fitted to the
 * {@code fit_seconds} that lake.results.metrics holds for the paper and full profiles' runs on the 2-core
 * development machine (two tasks side by side; RESULTS.md): forests of 100 and 200 trees on 1,825 to 17,683 rows
 * took 0.7-1.3 times what {@link #trees} says, mlp ensembles 0.5-1.5 times (early stopping makes their epochs hard
 * to foresee). Another machine scales them: {@code train --dry-run} corrects them by a lake's own recent fits where
 * it holds enough ({@code train.units.MeasuredCosts}).
 */
public final class FitCosts {
  /** A tree's seconds per row x log2(rows), with every feature tried at each split. */
  private static final double TREE_SECONDS = 2.4e-6;
  /** The share of a tree's time that does not shrink with the features tried (bootstrap, sorting, leaves). */
  private static final double TREE_FIXED_SHARE = 0.15;
  /** An mlp's seconds per row x epoch x ensemble member (learner benchmark: 100 epochs on 3,683 rows in 4.7 s). */
  private static final double MLP_EPOCH_SECONDS = 4.7 / (3683.0 * 100);
  /** A linear model's seconds per row (not measured: ten passes at the first tree rate, benchmark-based). */
  private static final double LINEAR_SECONDS = 1.6e-5;

  private FitCosts() {}

  /** @param featureShare the share of the features tried at each split, in (0, 1] */
  public static double trees(double rows, int trees, double featureShare) {
    return TREE_SECONDS * rows * log2(rows + 2) * trees * (TREE_FIXED_SHARE + (1 - TREE_FIXED_SHARE) * featureShare);
  }

  public static double networkEpochs(double rows, double epochs, int members) {
    return MLP_EPOCH_SECONDS * rows * epochs * members;
  }

  public static double linear(double rows) {
    return LINEAR_SECONDS * rows;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
