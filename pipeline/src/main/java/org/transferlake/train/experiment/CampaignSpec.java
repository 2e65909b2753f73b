package org.transferlake.train.experiment;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.transferlake.model.acquisition.Acquisition;
import org.transferlake.model.acquisition.Goal;

/**
 * A simulated campaign ({@code campaign { ... }} in an experiment file): the experiment's target rows are the pool
 * of candidates, their values hidden until an arm "measures" them; each arm spends {@code budget} experiments,
 * {@code batch} at a time, after {@code initialRows} seeded random rows measured before round 1.
 *
 * @param initialRows rows measured before round 1 (the same for every arm of a repeat); not experiments
 * @param batch experiments per round
 * @param budget experiments per arm and repeat (initial rows excluded)
 * @param perGroup the most candidates of one chemical system in a batch ({@code Batch}); 0 for no limit
 * @param hitAbove for a max goal, the value a hit reaches; NaN otherwise
 * @param hitBelow for a min goal, the value a hit stays at or below; NaN otherwise
 * @param hitsFor the hit counts the report gives the experiments needed for (1, 5, 10)
 * @param declaredBest the arm declared best before the study ran (its name), or null
 */
public record CampaignSpec(Goal goal, int initialRows, int batch, int budget, int perGroup, double hitAbove,
    double hitBelow, List<Integer> hitsFor, String declaredBest, List<Arm> arms) implements Serializable {

  /** The architecture name of the arm that measures in a seeded random order, fitting no model. */
  public static final String RANDOM = "random";

  public CampaignSpec {
    hitsFor = List.copyOf(hitsFor);
    arms = List.copyOf(arms);
  }

  /**
   * One strategy of a campaign.
   *
   * @param architecture {@link #RANDOM} or a registered architecture
   * @param learner the learner's name, null for random and for an architecture that fits none ({@code source_only})
   * @param params the learner's hyperparameters (its one grid point); empty without a learner
   * @param acquisition how candidates are scored; null for random
   */
  public record Arm(String architecture, String learner, Map<String, String> params, Acquisition acquisition)
      implements Serializable {
    public Arm {
      params = Map.copyOf(params);
    }

    public boolean random() {
      return architecture.equals(RANDOM);
    }

    /** The arm's readable name: {@code random}, {@code source_only+probability_in_window}, {@code a+learner+acq}. */
    public String name() {
      return random() ? RANDOM : architecture + (learner == null ? "" : "+" + learner) + "+" + acquisition.key();
    }

    /** {@code random} or the acquisition function's name: the {@code strategy} column. */
    public String strategy() {
      return random() ? RANDOM : acquisition.key();
    }
  }

  /** Whether a measured value counts as a hit: inside the window, at least hit-above (max), at most hit-below (min). */
  public boolean hit(double value) {
    return switch (goal.kind()) {
      case WINDOW -> value >= goal.low() && value <= goal.high();
      case MAX -> value >= hitAbove;
      case MIN -> value <= hitBelow;
    };
  }

  /** What a hit is, in words: "in [1.1, 1.7]", "at least 3.0", "at most 0.5". */
  public String hitRule() {
    return switch (goal.kind()) {
      case WINDOW -> "in [" + goal.low() + ", " + goal.high() + "]";
      case MAX -> "at least " + hitAbove;
      case MIN -> "at most " + hitBelow;
    };
  }

  /** The arm of a name, or null. */
  public Arm arm(String name) {
    return arms.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
  }
}
