package org.transferlake.pipeline;

import java.util.List;
import org.transferlake.ops.RunComparisons.Comparison;

/**
 * The nightly sequence.
 *
 * @param ok false when a source or a preset failed
 */
public record NightlyResult(boolean ok, Comparisons comparisons) {
  /** The comparisons that raise an alert. */
  public List<Comparison> alerts() {
    return comparisons.alerts();
  }
}
