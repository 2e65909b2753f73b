package org.transferlake.jobs;

import java.util.List;
import java.util.concurrent.Callable;
import org.transferlake.pipeline.FeaturizeStage;
import org.transferlake.pipeline.PipelineSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code transferlake featurize}: composition features of every key in the lake, into lake.features.*. */
@Command(name = "featurize", mixinStandardHelpOptions = true,
    description = {"Compute features once per distinct composition key of lake.curated.observations into"
        + " lake.features.<preset>.", "Only keys the table lacks are featurized; a changed featurizer version or"
        + " element table (its sha256 in lake.curated.sources) recomputes the whole table in one commit.",
        "Exit code 1 when a preset failed."})
final class FeaturizeCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--preset", paramLabel = "NAME", split = ",",
      description = "Presets: magpie, magpie_no_imputation, fractions, oliynyk, mat2vec"
          + " (default: transferlake.featurize.presets).")
  List<String> presets = List.of();

  @Override
  public Integer call() {
    if (!presets.isEmpty()) {
      common.overrides.put("transferlake.featurize.presets", "[" + String.join(",", presets) + "]");
    }
    try (PipelineSession session = new PipelineSession(common.settings(), "featurize")) {
      return new FeaturizeStage(session, new StagePrinter(System.out)).run().ok() ? 0 : 1;
    }
  }
}
