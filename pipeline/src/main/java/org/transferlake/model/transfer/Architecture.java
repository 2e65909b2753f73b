package org.transferlake.model.transfer;

import org.transferlake.model.learn.Learner;

/**
 * One way of using source contexts to predict a target context. Every architecture takes any {@link Learner};
 * stage-one models of the sources come from {@link SourceModels}, trained once and shared.
 */
public interface Architecture {
  /** The name used in configs and in the {@code architecture} column. */
  String name();

  /**
   * Fits on the target's training rows; the target's test rows must not be in {@code data}.
   *
   * @param sources stage-one source models, for the architectures that use them (others ignore it)
   */
  TransferModel fit(TransferData data, Learner learner, SourceModels sources, long seed);
}
