package org.transferlake.train.campaign;

import java.io.Serializable;
import org.transferlake.train.experiment.CampaignSpec;

/**
 * One simulated campaign to run: an arm in one repeat.
 *
 * @param seed the arm's seed in this repeat (its models' fits, random's order); the initial rows come from the
 *     repeat alone ({@link CampaignPlan#initialSeed}), so every arm of a repeat starts from the same rows
 */
public record CampaignUnit(CampaignSpec.Arm arm, int repeat, long seed) implements Serializable {
  /** Stable across runs and partitionings: the arm's name and the repeat. */
  public String id() {
    return arm.name() + "|r" + repeat;
  }
}
