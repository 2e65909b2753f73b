package org.transferlake.train;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.transferlake.model.transfer.SourceModels;
import org.transferlake.train.data.FeatureSets;
import org.transferlake.train.experiment.ExperimentDefinition;
import org.transferlake.train.units.UnitRunner;

/**
 * Everything a task needs, shipped once per executor: the experiment, and per preset its data and the source
 * models trained on that preset's features.
 */
record Shared(ExperimentDefinition experiment, FeatureSets data, Map<String, SourceModels> sources)
    implements Serializable {

  /** A runner per preset, made when a task first meets a unit of that preset. */
  Runners runners() {
    return new Runners(this);
  }

  /** The runners of one task. */
  static final class Runners {
    private final Shared shared;
    private final Map<String, UnitRunner> byPreset = new HashMap<>();

    private Runners(Shared shared) {
      this.shared = shared;
    }

    UnitRunner of(String preset) {
      return byPreset.computeIfAbsent(preset, p -> new UnitRunner(shared.experiment(), shared.data().get(p),
          shared.sources().get(p)));
    }
  }
}
