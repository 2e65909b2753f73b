package org.transferlake.model.transfer;

import org.transferlake.model.learn.Learner;

/**
 * Which learner trains a source model: the local one up to {@code switchRows} rows, the distributed one (MLlib,
 * on the driver's session) beyond. Settings {@code transferlake.learners.source.*}.
 */
public record SourceLearners(Learner local, Learner distributed, long switchRows) implements java.io.Serializable {

  public SourceLearners {
    if (switchRows < 1) {
      throw new IllegalArgumentException("source learner switch-rows = " + switchRows + ": expected 1 or more");
    }
  }

  /** Always the same learner, whatever the size. */
  public static SourceLearners only(Learner learner) {
    return new SourceLearners(learner, learner, Long.MAX_VALUE);
  }

  public Learner forRows(long rows) {
    return isDistributed(rows) ? distributed : local;
  }

  public boolean isDistributed(long rows) {
    return rows > switchRows;
  }
}
