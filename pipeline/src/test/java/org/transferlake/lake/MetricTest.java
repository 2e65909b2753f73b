package org.transferlake.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

class MetricTest {
  @Test
  void theMetricsTablesHoldEveryDeclaredMetricInOrderAsBefore() {
    List<String> before = List.of("mae", "rmse", "r2", "max_error", "within_1sd", "within_2sd", "mean_sd",
        "accuracy", "balanced_accuracy", "f1", "roc_auc", "log_loss");
    assertEquals(before, Metric.columns());
    for (LakeTable table : List.of(LakeTable.METRICS, LakeTable.STAGED_METRICS)) {
      List<String> fields = Arrays.asList(table.schema().fieldNames());
      int first = fields.indexOf("seed") + 1;
      assertEquals(Metric.columns(), fields.subList(first, first + Metric.values().length), table.name());
      assertEquals("inner_score", fields.get(first + Metric.values().length), table.name());
      for (Metric m : Metric.values()) {
        assertEquals(DataTypes.DoubleType, table.schema().apply(m.column()).dataType(), m.column());
      }
    }
  }

  @Test
  void theSelectedTableKeepsDeclaredMetricsOnly() {
    List<String> fields = Arrays.stream(LakeTable.SELECTED.schema().fields()).map(StructField::name).toList();
    List<String> metrics = fields.subList(fields.indexOf("inner_score") + 1, fields.size());
    assertEquals(List.of("mae", "rmse", "accuracy", "log_loss"), metrics);
    metrics.forEach(m -> assertTrue(Metric.known(m), m));
  }

  @Test
  void selectionAndHeadlinePerTask() {
    assertEquals(Metric.MAE, Metric.selection(false));
    assertEquals(Metric.LOG_LOSS, Metric.selection(true));
    assertEquals(Metric.MAE, Metric.headline(false));
    assertEquals(Metric.ACCURACY, Metric.headline(true));
    assertTrue(Metric.selection(true).lowerIsBetter() && Metric.selection(false).lowerIsBetter());
    assertEquals(Metric.Task.CLASSIFICATION, Metric.headline(true).task());
  }

  @Test
  void namedFindsAColumnAndRefusesOthers() {
    assertEquals(Metric.ROC_AUC, Metric.named("roc_auc"));
    assertThrows(IllegalArgumentException.class, () -> Metric.named("inner_score"));
  }
}
