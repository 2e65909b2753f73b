package org.transferlake.jobs;

import picocli.CommandLine.Option;

/** The options that pick a registered model, shared by {@code predict} and {@code suggest}. */
final class ModelChoice {
  @Option(names = "--experiment", required = true, paramLabel = "NAME", description = "The experiment that trained it.")
  String experiment;

  @Option(names = "--architecture", paramLabel = "NAME",
      description = "Default: the registered architecture with the best cross-validated score.")
  String architecture;

  @Option(names = "--learner", paramLabel = "NAME", description = "Default: as --architecture.")
  String learner;

  @Option(names = "--run-id", paramLabel = "ID", description = "Default: the newest published run.")
  String runId;
}
