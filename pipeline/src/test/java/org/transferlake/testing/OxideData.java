package org.transferlake.testing;

import java.util.List;
import org.transferlake.model.learn.ValueRange;
import org.transferlake.model.transfer.ContextSet;
import org.transferlake.train.data.ExperimentData;

/**
 * Synthetic experiments on real composition keys: {@link MultiContextData}'s sets with keys c&lt;i&gt; written as
 * iron oxides FeO, FeO2, ... and, from c50000, manganese oxides MnO, MnO2, ...
 */
public final class OxideData {
  private OxideData() {}

  /** The set with its keys written as oxides. */
  public static ContextSet oxides(ContextSet set) {
    String[] keys = new String[set.rows()];
    for (int i = 0; i < keys.length; i++) {
      int k = Integer.parseInt(set.keys()[i].substring(1));
      int amount = k % 50_000 + 1;
      keys[i] = (k < 50_000 ? "Fe" : "Mn") + "O" + (amount == 1 ? "" : amount);
    }
    return new ContextSet(set.context(), set.label(), keys, set.x(), set.y());
  }

  /**
   * 200 target oxides in 2 folds (even rows fold 0), 100 iron then 100 manganese oxides, 1 above the source's
   * relation, from {@code source}; fold 0's targets times {@code scale}. Values are synthetic and may go below 0.
   */
  public static ExperimentData twoFolds(ContextSet source, double scale) {
    ContextSet iron = oxides(MultiContextData.context("target", 100, 0, (l, x) -> l + 1, 0.1, 1));
    ContextSet manganese = oxides(MultiContextData.context("target", 100, 50_000, (l, x) -> l + 1, 0.1, 2));
    int n = 200;
    String[] keys = new String[n];
    double[][] x = new double[n][];
    double[] y = new double[n];
    int[] folds = new int[n];
    for (int i = 0; i < n; i++) {
      ContextSet from = i < 100 ? iron : manganese;
      keys[i] = from.keys()[i % 100];
      x[i] = from.x()[i % 100];
      folds[i] = i % 2;
      y[i] = from.y()[i % 100] * (folds[i] == 0 ? scale : 1);
    }
    return new ExperimentData(iron.label(), keys, x, y, new String[n], new long[n], folds, List.of(source),
        "band_gap/experiment/small", List.of("f0", "f1", "f2", "f3", "f4"), ValueRange.ANY);
  }
}
