package org.transferlake.report;

import org.transferlake.lake.Metric;

/**
 * One {@code results.metrics} row: a work unit's scores on its outer test fold.
 *
 * @param size the training-set size the unit asked for, from its unit id (0: all of the fold's training rows)
 * @param nTrain the target rows it trained on
 */
record UnitMetrics(String unitId, String targetContext, String architecture, String learner, String params,
    int fold, int size, int nTrain, int nTest, int repeat, Double mae, Double rmse, Double r2, Double within1sd,
    Double within2sd, Double accuracy, Double balancedAccuracy, Double f1, Double rocAuc, Double logLoss,
    Double innerScore) {

  /** The score a report names by its column: every metric but max_error and mean_sd. */
  public Double score(String name) {
    if (!Metric.known(name)) {
      throw new IllegalArgumentException("unknown score '" + name + "'");
    }
    return switch (Metric.named(name)) {
      case MAE -> mae;
      case RMSE -> rmse;
      case R2 -> r2;
      case WITHIN_1SD -> within1sd;
      case WITHIN_2SD -> within2sd;
      case ACCURACY -> accuracy;
      case BALANCED_ACCURACY -> balancedAccuracy;
      case F1 -> f1;
      case ROC_AUC -> rocAuc;
      case LOG_LOSS -> logLoss;
      case MAX_ERROR, MEAN_SD -> throw new IllegalArgumentException("unknown score '" + name + "'");
    };
  }

  public boolean classification() {
    return mae == null && accuracy != null;
  }

  /**
   * The requested size from a unit id ({@code architecture|learner|params|f<fold>|n<size>|r<repeat>}); the
   * {@code n_train} column holds the rows actually trained on, which is the size unless the size is all. For rows
   * written before {@code n_requested} existed.
   */
  static int requestedSize(String unitId, int nTrain) {
    String[] parts = unitId == null ? new String[0] : unitId.split("\\|", -1);
    if (parts.length >= 2 && parts[parts.length - 2].matches("n\\d+")) {
      return Integer.parseInt(parts[parts.length - 2].substring(1));
    }
    return nTrain;
  }
}
