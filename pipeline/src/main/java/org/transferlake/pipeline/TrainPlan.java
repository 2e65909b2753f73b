package org.transferlake.pipeline;

import java.util.List;
import java.util.Map;
import org.transferlake.train.RunEstimate;

/**
 * What training an experiment takes: its data, its work units and an estimate of the time.
 *
 * @param target the target context
 * @param targetRows the target's records
 * @param units architectures x grid points x folds x training sizes x repeats; with successive halving, the rung
 *     units and the survivors trained in full
 * @param rungUnits successive halving's rung units among {@code units} (0 without halving)
 * @param gridSizes per learner, its grid points times the presets the experiment compares
 * @param sizes the training sizes of the learning curve
 * @param estimate the expected wall time of the run, by phase, on the cores Spark runs tasks on
 */
public record TrainPlan(String experiment, String target, int targetRows, int folds, List<SourceSize> sources,
    int units, int rungUnits, int architectures, Map<String, Long> gridSizes, int sizes, int repeats, RunEstimate estimate) {
  /**
   * A source, its compositions, and how its duplicate observations are aggregated.
   *
   * @param context the context id, or a chain's links joined by {@code " > "}
   * @param covered for a chain, the target compositions per link and then under {@code "no link"}; else empty
   */
  public record SourceSize(String context, int compositions, String aggregate, Map<String, Long> covered) {
    public SourceSize(String context, int compositions, String aggregate) {
      this(context, compositions, aggregate, Map.of());
    }
  }
}
