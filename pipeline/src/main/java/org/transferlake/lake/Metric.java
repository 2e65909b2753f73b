package org.transferlake.lake;

import java.util.Arrays;
import java.util.List;

/**
 * Every metric of {@code results.metrics}, declared once: its column (also its name in settings and reports), the
 * task it scores, its direction and how output names it. In {@code lake}, the lowest package that train, report and
 * ops all use, as its columns are the tables'.
 */
public enum Metric {
  MAE("mae", Task.REGRESSION, true, "MAE", "mean absolute error"),
  RMSE("rmse", Task.REGRESSION, true, "RMSE", "root mean squared error"),
  R2("r2", Task.REGRESSION, false, "R²", "coefficient of determination"),
  MAX_ERROR("max_error", Task.REGRESSION, true, "max error", "largest absolute error"),
  WITHIN_1SD("within_1sd", Task.REGRESSION, false, "within 1σ", "share of errors within one predicted sd"),
  WITHIN_2SD("within_2sd", Task.REGRESSION, false, "within 2σ", "share of errors within two predicted sd"),
  MEAN_SD("mean_sd", Task.REGRESSION, true, "mean σ", "mean predicted standard deviation"),
  ACCURACY("accuracy", Task.CLASSIFICATION, false, "accuracy", "share of rows labelled right"),
  BALANCED_ACCURACY("balanced_accuracy", Task.CLASSIFICATION, false, "balanced accuracy", "mean recall per class"),
  F1("f1", Task.CLASSIFICATION, false, "F1 (macro)", "mean F1 over classes"),
  ROC_AUC("roc_auc", Task.CLASSIFICATION, false, "ROC-AUC", "mean one-vs-rest ROC-AUC"),
  LOG_LOSS("log_loss", Task.CLASSIFICATION, true, "log-loss", "mean negative log-probability of the true class");

  /** The kind of target a metric scores. */
  public enum Task { REGRESSION, CLASSIFICATION }

  private final String column;
  private final Task task;
  private final boolean lowerIsBetter;
  private final String label;
  private final String meaning;

  Metric(String column, Task task, boolean lowerIsBetter, String label, String meaning) {
    this.column = column;
    this.task = task;
    this.lowerIsBetter = lowerIsBetter;
    this.label = label;
    this.meaning = meaning;
  }

  /** Its column in {@code results.metrics}, and its name in settings and reports. */
  public String column() {
    return column;
  }

  public Task task() {
    return task;
  }

  public boolean lowerIsBetter() {
    return lowerIsBetter;
  }

  /** How printed output names it ("MAE", "log-loss"). */
  public String label() {
    return label;
  }

  public String meaning() {
    return meaning;
  }

  /** The metric that chooses hyperparameters and final models: log_loss for classification, mae otherwise. */
  public static Metric selection(boolean classification) {
    return classification ? LOG_LOSS : MAE;
  }

  /** The metric a run is summed up by: accuracy for classification, mae otherwise. */
  public static Metric headline(boolean classification) {
    return classification ? ACCURACY : MAE;
  }

  /** The metrics of one task, in column order. */
  public static List<Metric> of(Task task) {
    return Arrays.stream(values()).filter(m -> m.task == task).toList();
  }

  /** Every column, in table order. */
  public static List<String> columns() {
    return Arrays.stream(values()).map(Metric::column).toList();
  }

  /** @throws IllegalArgumentException for a name that is not a metric's column */
  public static Metric named(String column) {
    return Arrays.stream(values()).filter(m -> m.column.equals(column)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("'" + column + "' is not a metric; expected one of " + columns()));
  }

  /** Whether {@code column} names a metric. */
  public static boolean known(String column) {
    return columns().contains(column);
  }

  /** The metrics' columns as DDL, in order: {@code mae DOUBLE, rmse DOUBLE, ...}. */
  static String ddl(List<Metric> metrics) {
    return String.join(", ", metrics.stream().map(m -> m.column + " DOUBLE").toList());
  }
}
