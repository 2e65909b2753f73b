package org.transferlake.train.data;

import java.io.Serializable;
import java.util.List;
import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.ValueRange;
import org.transferlake.model.transfer.ContextSet;

/**
 * An experiment's data, small enough to ship to every task: the target's records (key, features, value, where
 * it came from, outer fold) and the source contexts aggregated to one row per composition.
 *
 * @param y the value per record; for a classification target the class index into {@code label.classes()}
 * @param featureColumns the features table's columns, in the order of every row of {@code x}
 * @param range the target property's range, which every predicted mean is moved into ({@code ANY} for labels)
 * @param chains for each source that is a chain, the target compositions each link covered
 */
public record ExperimentData(Label label, String[] keys, double[][] x, double[] y, String[] sourceFiles,
    long[] recordNumbers, int[] folds, List<ContextSet> sources, String targetContext, List<String> featureColumns,
    ValueRange range, List<ChainCoverage> chains) implements Serializable {

  /** Data whose sources are single contexts: no chain coverage. */
  public ExperimentData(Label label, String[] keys, double[][] x, double[] y, String[] sourceFiles,
      long[] recordNumbers, int[] folds, List<ContextSet> sources, String targetContext, List<String> featureColumns,
      ValueRange range) {
    this(label, keys, x, y, sourceFiles, recordNumbers, folds, sources, targetContext, featureColumns, range,
        List.of());
  }

  public int rows() {
    return keys.length;
  }

  public int foldCount() {
    int max = -1;
    for (int f : folds) {
      max = Math.max(max, f);
    }
    return max + 1;
  }

  /** The target's rows as a context set. */
  public ContextSet targetSet(int[] rows) {
    return new ContextSet(targetContext, label, keys, x, y).subset(rows);
  }
}
