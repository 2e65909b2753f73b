package org.transferlake.report;

import java.util.Comparator;
import org.transferlake.model.components.Components;

/** An architecture with a learner: what a summary row describes. Ordered baselines first, as experiments list them. */
record ModelKey(String architecture, String learner) implements Comparable<ModelKey> {
  private static final Comparator<ModelKey> ORDER = Comparator
      .comparingInt((ModelKey k) -> rank(k.architecture()))
      .thenComparing(ModelKey::architecture).thenComparing(ModelKey::learner);

  public static ModelKey of(UnitMetrics m) {
    return new ModelKey(m.architecture(), m.learner());
  }

  public static ModelKey of(TestPrediction p) {
    return new ModelKey(p.architecture(), p.learner());
  }

  public boolean targetOnly() {
    return architecture.equals(Components.YARDSTICK);
  }

  @Override
  public int compareTo(ModelKey other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return architecture + " / " + learner;
  }

  private static int rank(String architecture) {
    int i = Components.architectureNames().indexOf(architecture);
    return i < 0 ? Integer.MAX_VALUE : i;
  }
}
