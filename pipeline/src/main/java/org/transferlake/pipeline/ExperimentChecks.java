package org.transferlake.pipeline;

import java.util.List;
import org.transferlake.config.Settings;
import org.transferlake.config.SettingsException;
import org.transferlake.featurize.FeaturizerPresets;
import org.transferlake.ingest.catalog.SourceCatalog;
import org.transferlake.train.data.LeakingSources;
import org.transferlake.train.experiment.ExperimentCatalog;
import org.transferlake.train.experiment.ExperimentDefinition;
import org.transferlake.train.experiment.UnknownLinks;

/** The experiments a command will train, read from the workspace or transferlake.experiments.dir and checked before Spark starts. */
public final class ExperimentChecks {
  private ExperimentChecks() {}

  /**
   * @throws SettingsException naming the file and key of the first malformed experiment, a missing file, an unknown
   *     feature preset, a link
   *     of a source chain that the source catalog does not declare, or an experimental source of an experimental
   *     target the experiment does not allow
   */
  public static void verify(Settings settings, List<String> experiments) {
    List<String> catalog = null;
    for (String experiment : experiments) {
      ExperimentDefinition e = ExperimentCatalog.load(settings.experimentDirs(), experiment, settings.properties());
      for (String preset : e.features()) {
        if (!FeaturizerPresets.isKnown(preset)) {
          throw new SettingsException(e.definitionFile() + ": features: unknown preset '" + preset + "'; expected "
              + FeaturizerPresets.KNOWN);
        }
      }
      if (e.sources().stream().anyMatch(ExperimentDefinition.SourceSpec::chain)) {
        if (catalog == null) {
          catalog = SourceCatalog.load(settings).all().stream().flatMap(s -> s.contexts().stream()).toList();
        }
        UnknownLinks.refuse(e, catalog);
      }
      LeakingSources.refuseExperimental(e, settings.experimentalFidelities());
    }
  }
}
