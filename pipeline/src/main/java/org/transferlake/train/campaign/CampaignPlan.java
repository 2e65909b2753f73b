package org.transferlake.train.campaign;

import java.util.ArrayList;
import java.util.List;
import org.transferlake.model.transfer.Seeds;
import org.transferlake.train.experiment.CampaignSpec;
import org.transferlake.train.experiment.ExperimentDefinition;

/** A campaign experiment's units, arm × repeat, with seeds derived from the experiment's seed alone. */
public final class CampaignPlan {
  private CampaignPlan() {}

  /**
   * Every arm in every repeat, repeats outer, arms in the file's order.
   *
   * @throws IllegalArgumentException when the experiment has no campaign block
   */
  public static List<CampaignUnit> units(ExperimentDefinition e) {
    if (e.campaign() == null) {
      throw new IllegalArgumentException("experiment " + e.name() + " has no campaign block");
    }
    List<CampaignUnit> out = new ArrayList<>();
    for (int repeat = 0; repeat < e.repeats(); repeat++) {
      for (CampaignSpec.Arm arm : e.campaign().arms()) {
        out.add(new CampaignUnit(arm, repeat, Seeds.derive(e.seed(), "campaign|" + arm.name(), repeat)));
      }
    }
    return out;
  }

  /** The seed of a repeat's initial rows: the same for every arm, so that arms are compared from one start. */
  public static long initialSeed(ExperimentDefinition e, int repeat) {
    return Seeds.derive(e.seed(), "campaign-initial", repeat);
  }

  /**
   * Model fits of a unit (one per round; none for random): what the cost of a campaign is counted in.
   */
  public static int fits(CampaignSpec spec, CampaignUnit unit) {
    return unit.arm().random() ? 0 : (spec.budget() + spec.batch() - 1) / spec.batch();
  }
}
