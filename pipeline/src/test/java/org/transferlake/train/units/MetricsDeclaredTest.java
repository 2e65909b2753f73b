package org.transferlake.train.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.transferlake.lake.Metric;

/** Every metric {@link Metrics} computes is declared in {@link Metric}, for its task and with its direction. */
class MetricsDeclaredTest {
  private static final double[] ACTUAL = {0, 1, 2, 3, 4, 5};

  @Test
  void regressionMetricsAreDeclaredWithTheirDirection() {
    Map<String, Double> good = Metrics.regression(ACTUAL, shift(0), fill(0.5));
    Map<String, Double> bad = Metrics.regression(ACTUAL, shift(3), fill(1));
    assertEquals(columns(Metric.Task.REGRESSION), List.copyOf(good.keySet()));
    assertDirections(Metric.Task.REGRESSION, good, bad);
  }

  @Test
  void classificationMetricsAreDeclaredWithTheirDirection() {
    double[] labels = {0, 1, 0, 1, 1, 0};
    double[][] right = new double[labels.length][];
    double[][] wrong = new double[labels.length][];
    for (int i = 0; i < labels.length; i++) {
      right[i] = labels[i] == 0 ? new double[] {0.9, 0.1} : new double[] {0.2, 0.8};
      wrong[i] = new double[] {right[i][1], right[i][0]};
    }
    Map<String, Double> good = Metrics.classification(labels, right);
    Map<String, Double> bad = Metrics.classification(labels, wrong);
    assertEquals(columns(Metric.Task.CLASSIFICATION), List.copyOf(good.keySet()));
    assertDirections(Metric.Task.CLASSIFICATION, good, bad);
  }

  private static void assertDirections(Metric.Task task, Map<String, Double> good, Map<String, Double> bad) {
    for (Metric m : Metric.of(task)) {
      double g = good.get(m.column());
      double b = bad.get(m.column());
      assertNotEquals(g, b, m.column());
      assertEquals(m.lowerIsBetter(), g < b, m.column() + ": good " + g + ", bad " + b);
    }
  }

  private static List<String> columns(Metric.Task task) {
    return Metric.of(task).stream().map(Metric::column).toList();
  }

  private static double[] shift(double by) {
    double[] out = ACTUAL.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] += by;
    }
    return out;
  }

  private static double[] fill(double value) {
    double[] out = new double[ACTUAL.length];
    Arrays.fill(out, value);
    return out;
  }
}
