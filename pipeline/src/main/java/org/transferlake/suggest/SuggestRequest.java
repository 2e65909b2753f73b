package org.transferlake.suggest;

import java.util.List;
import org.transferlake.composition.Elements;
import org.transferlake.config.SettingsException;
import org.transferlake.model.acquisition.Acquisition;
import org.transferlake.model.acquisition.Batch;
import org.transferlake.model.acquisition.Goal;

/**
 * What to suggest: candidates ranked toward a goal by an acquisition function, and a batch of the first.
 *
 * @param kappa κ of the confidence bounds (AcquisitionFunction.DEFAULT_KAPPA by default)
 * @param batch how many to measure next, at least 1
 * @param perSystem the most batch members of one chemical system, at least 1; 0 for no limit
 * @param excludedElements element symbols no suggested composition may contain
 * @param excludeMeasured leave out the compositions the lake holds a value of the model's target context for
 */
public record SuggestRequest(Goal goal, Acquisition acquisition, double kappa, int batch, int perSystem,
    List<String> excludedElements, boolean excludeMeasured) {
  /** How many to measure next, by default. */
  public static final int DEFAULT_BATCH = 10;

  public SuggestRequest {
    try {
      acquisition.requireValidFor(goal);
    } catch (IllegalArgumentException e) {
      throw new SettingsException(e.getMessage());
    }
    if (batch < 1) {
      throw new SettingsException("suggest: a batch of " + batch + "; expected at least 1");
    }
    if (perSystem < 0) {
      throw new SettingsException("suggest: at most " + perSystem + " per chemical system; expected at least 1, or"
          + " 0 for no limit");
    }
    for (String element : excludedElements) {
      if (Elements.atomicNumber(element) < 0) {
        throw new SettingsException("excluded element '" + element + "': no such element symbol (write them"
            + " as in a formula: Pb, Cd)");
      }
    }
    excludedElements = List.copyOf(excludedElements);
  }

  /** The defaults for a goal: its default function, κ 1.96, a batch of 10, one per system, measured excluded. */
  public static SuggestRequest of(Goal goal) {
    return new SuggestRequest(goal, Acquisition.defaultFor(goal),
        org.transferlake.model.acquisition.AcquisitionFunction.DEFAULT_KAPPA, DEFAULT_BATCH, Batch.DEFAULT_PER_GROUP,
        List.of(), true);
  }
}
