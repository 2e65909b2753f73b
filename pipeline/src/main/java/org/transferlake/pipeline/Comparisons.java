package org.transferlake.pipeline;

import java.util.List;
import org.transferlake.ops.RunComparisons.Comparison;

/**
 * The nightly runs compared with the previous ones.
 *
 * @param table the table the comparisons were written to
 * @param all every comparison, by experiment, architecture, learner and metric
 * @param alerts those of {@code all} that got worse in a metric of transferlake.nightly.alert-on
 */
public record Comparisons(String table, List<Comparison> all, List<Comparison> alerts) {}
