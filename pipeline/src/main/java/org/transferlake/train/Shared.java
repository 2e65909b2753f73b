package org.transferlake.train;

import java.io.Serializable;
import org.transferlake.model.transfer.SourceModels;
import org.transferlake.train.data.ExperimentData;
import org.transferlake.train.experiment.ExperimentDefinition;

/** Everything a task needs, shipped once per executor. */
record Shared(ExperimentDefinition experiment, ExperimentData data, SourceModels sources) implements Serializable {}
