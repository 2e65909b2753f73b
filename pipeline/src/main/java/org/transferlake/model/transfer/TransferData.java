package org.transferlake.model.transfer;

import java.util.List;
import org.transferlake.model.learn.TrainingSet;
import org.transferlake.model.learn.ValueRange;

/**
 * What an architecture trains on: the target context's training rows, the source contexts, and the range the
 * target's predictions are moved into where they are used (learners calibrate their σ on means so moved).
 */
public record TransferData(ContextSet target, List<ContextSet> sources, ValueRange range) {
  public TransferData {
    sources = List.copyOf(sources);
  }

  /**
   * The set with the target's range on one of its labels, so that its learner calibrates on means as they will be
   * used; unchanged without a range or for a class label.
   *
   * @param offsets per row, what the architecture adds to the label's prediction (null: nothing)
   */
  TrainingSet bounded(TrainingSet set, int label, double[] offsets) {
    boolean none = range.equals(ValueRange.ANY) || set.labels().get(label).isClassification();
    return none ? set : set.bounded(label, range, offsets);
  }

  /** Without a range. */
  public TransferData(ContextSet target, List<ContextSet> sources) {
    this(target, sources, ValueRange.ANY);
  }
}
