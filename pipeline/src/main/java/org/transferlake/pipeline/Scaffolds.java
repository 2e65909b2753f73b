package org.transferlake.pipeline;

import java.io.File;
import org.transferlake.config.Settings;
import org.transferlake.config.SettingsException;
import org.transferlake.config.Workspace;
import org.transferlake.featurize.FeaturizerPresets;
import org.transferlake.ingest.catalog.SourceScaffold;
import org.transferlake.train.experiment.ExperimentScaffold;

/** A workspace's own source and experiment files, written from a data file's header and the experiment schema. */
public final class Scaffolds {
  private Scaffolds() {}

  /** {@code <workspace>/sources/<id>.conf} for one data file; no Spark. */
  public static SourceScaffold.Result source(Settings settings, SourceScaffold.Request request) {
    return SourceScaffold.write(request, workspace(settings), new File(settings.sourcesDir()), settings.properties());
  }

  /** {@code <workspace>/experiments/<name>.conf}, every key with its meaning; no Spark. */
  public static ExperimentScaffold.Result experiment(Settings settings, ExperimentScaffold.Request request) {
    if (!FeaturizerPresets.NAMES.contains(request.features())) {
      throw new SettingsException("--features " + request.features() + ": unknown preset (known: "
          + String.join(", ", FeaturizerPresets.NAMES) + ")");
    }
    return ExperimentScaffold.write(request, workspace(settings).experimentsDir(), settings.properties());
  }

  private static Workspace workspace(Settings settings) {
    Workspace workspace = settings.workspace();
    if (workspace == null) {
      throw new SettingsException("no workspace: your sources and experiments live in one, outside the checkout;"
          + " create it with bin/transferlake init DIR and run from inside it (or name it with TRANSFERLAKE_WORKSPACE"
          + " or transferlake.workspace.dir)");
    }
    return workspace;
  }
}
