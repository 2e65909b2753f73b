package org.transferlake.jobs;

import java.util.List;
import java.util.concurrent.Callable;
import org.transferlake.pipeline.Scaffolds;
import org.transferlake.train.experiment.ExperimentScaffold;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code transferlake experiment new}: a workspace experiment file holding every key with its meaning. */
@Command(name = "experiment", mixinStandardHelpOptions = true, subcommands = ExperimentCommand.New.class,
    description = "Your own experiments, in the workspace's experiments/ directory.")
final class ExperimentCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out); // as --help prints it
  }

  @Command(name = "new", mixinStandardHelpOptions = true,
      description = {"Write <workspace>/experiments/NAME.conf, ready to train.", "It holds every experiment key"
          + " with its default and meaning, the target and sources given, architectures that suit them, a forest."})
  static final class New implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "NAME", description = "The experiment's name, lower snake case.")
    String name;

    @Option(names = "--target", paramLabel = "CONTEXT", required = true,
        description = "The target context, property/fidelity/source_id.")
    String target;

    @Option(names = "--source", paramLabel = "CONTEXT", required = true, arity = "1..*",
        description = "The source context(s), property/fidelity/source_id.")
    List<String> sources;

    @Option(names = "--features", paramLabel = "PRESET", defaultValue = "magpie",
        description = "The feature preset (default: ${DEFAULT-VALUE}).")
    String features;

    @Override
    public Integer call() {
      ExperimentScaffold.Result r = Scaffolds.experiment(common.settings(),
          new ExperimentScaffold.Request(name, target, sources, features));
      System.out.println(SafeText.value("wrote " + r.file() + ": target " + target + ", sources "
          + String.join(", ", sources) + ", architectures " + String.join(", ", r.architectures()) + ", forest,"
          + " features " + features));
      System.out.println(SafeText.value("every key is in it with its meaning; next: bin/transferlake train"
          + " --experiment " + name + " --dry-run"));
      return 0;
    }
  }
}
