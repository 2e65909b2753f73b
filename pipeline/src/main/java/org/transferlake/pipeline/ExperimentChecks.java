package org.transferlake.pipeline;

import java.util.List;
import org.transferlake.config.Settings;
import org.transferlake.config.SettingsException;
import org.transferlake.train.data.LeakingSources;
import org.transferlake.train.experiment.ExperimentCatalog;

/** The experiments a command will train, read from the workspace or transferlake.experiments.dir and checked before Spark starts. */
public final class ExperimentChecks {
  private ExperimentChecks() {}

  /**
   * @throws SettingsException naming the file and key of the first malformed experiment, a missing file, or an
   *     experimental source of an experimental target the experiment does not allow
   */
  public static void verify(Settings settings, List<String> experiments) {
    for (String experiment : experiments) {
      LeakingSources.refuseExperimental(ExperimentCatalog.load(settings.experimentDirs(), experiment,
          settings.properties()), settings.experimentalFidelities());
    }
  }
}
