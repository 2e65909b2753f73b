package org.transferlake.train.campaign;

import java.io.Serializable;
import java.util.List;

/** A unit's campaign: its rounds in order, and where it ran. */
public record CampaignResult(CampaignUnit unit, List<Round> rounds, String executorId) implements Serializable {
  public CampaignResult {
    rounds = List.copyOf(rounds);
  }
}
