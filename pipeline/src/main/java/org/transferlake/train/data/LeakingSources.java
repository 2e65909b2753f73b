package org.transferlake.train.data;

import java.util.Collection;
import java.util.Map;
import org.transferlake.config.SettingsException;
import org.transferlake.lineage.Lineage;
import org.transferlake.train.experiment.ContextRef;
import org.transferlake.train.experiment.ExperimentDefinition;

/**
 * Stops an experiment whose source contexts could leak its test targets ({@link Lineage}), naming its file, each
 * refused context and why (every link of a source chain is checked); the experimental sources it allows
 * ({@code allow-experimental-sources}) pass that rule.
 */
public final class LeakingSources {
  private LeakingSources() {}

  /**
   * Before Spark starts: the rule that needs no lake, experimental sources of an experimental target's property.
   *
   * @throws SettingsException naming each refused source
   */
  public static void refuseExperimental(ExperimentDefinition e, Collection<String> experimentalFidelities) {
    refuse(e, Lineage.withoutLinks(experimentalFidelities));
  }

  /** @throws SettingsException naming each source {@code lineage} refuses */
  static void refuse(ExperimentDefinition e, Lineage lineage) {
    Map<String, String> refused = lineage.refused(e.target().id(),
        e.sources().stream().flatMap(s -> s.links().stream()).map(ContextRef::id).toList(),
        e.allowedExperimentalSources().keySet());
    if (!refused.isEmpty()) {
      StringBuilder why = new StringBuilder();
      refused.forEach((context, reason) -> why.append("\n  - ").append(context).append(": ").append(reason));
      throw new SettingsException("experiment " + e.name() + " (" + e.definitionFile() + "): source contexts refused,"
          + " so that test targets cannot leak in through a source:" + why);
    }
  }
}
