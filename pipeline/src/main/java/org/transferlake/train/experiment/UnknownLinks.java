package org.transferlake.train.experiment;

import java.util.Collection;
import org.transferlake.config.NearestNames;
import org.transferlake.config.SettingsException;

/** Stops an experiment whose source chain names a context the source catalog does not declare, before Spark. */
public final class UnknownLinks {
  private UnknownLinks() {}

  /**
   * @param known every context the source catalog declares ({@code property/fidelity/source_id})
   * @throws SettingsException naming the file, the link's key, the nearest known contexts and the fix
   */
  public static void refuse(ExperimentDefinition e, Collection<String> known) {
    for (int i = 0; i < e.sources().size(); i++) {
      ExperimentDefinition.SourceSpec s = e.sources().get(i);
      for (int j = 0; s.chain() && j < s.links().size(); j++) {
        String link = s.links().get(j).id();
        if (!known.contains(link)) {
          throw new SettingsException(e.definitionFile() + ": sources[" + i + "].context[" + j + "]: " + link
              + " is no context of the source catalog; nearest: " + String.join(", ", NearestNames.of(link, known, 3))
              + " (correct the id, or declare the source in transferlake.sources.dir or the workspace's sources)");
        }
      }
    }
  }
}
