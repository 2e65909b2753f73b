package org.transferlake.jobs;

import org.transferlake.config.SettingsException;
import org.transferlake.lake.LakeLock;
import org.transferlake.model.learn.ModelFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The one entry point: {@code bin/transferlake <command>} locally, the main class under spark-submit. */
@Command(name = "transferlake", mixinStandardHelpOptions = true, version = "transferlake 0.1.0",
    description = "Transfer learning for materials data on a Spark + Iceberg lake.",
    subcommands = {InitCommand.class, SourceCommand.class, ExperimentCommand.class, IngestCommand.class,
        FeaturizeCommand.class, TrainCommand.class, PredictCommand.class, SuggestCommand.class, ReportCommand.class,
        SqlCommand.class, RunCommand.class, NightlyCommand.class, BenchCommand.class})
public final class Main implements Runnable {
  /** Exit code of a command refused because another run holds the lake's write lock. */
  static final int LOCKED = 3;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out); // as --help prints it
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /**
   * Runs a command line and returns its exit code: 0 ok, 1 a stage failed, 2 bad usage or configuration, 3 another
   * run holds the lake's write lock.
   */
  public static int execute(String... args) {
    return cli().execute(args);
  }

  /** The command line with its subcommands, help and error handling, ready to execute. */
  static CommandLine cli() {
    CommandLine cli = new CommandLine(new Main());
    cli.setHelpFactory(WordWrappedHelp::new);
    // messages and traces can quote a record or a formula: printed through SafeText
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof SettingsException) {
        commandLine.getErr().println("transferlake: " + SafeText.message(e.getMessage()));
        return 2;
      }
      // a damaged or changed model file (refused, never used), or the lake held by another run: one line, no trace
      if (e instanceof ModelFormatException || e instanceof LakeLock.HeldException) {
        commandLine.getErr().println("transferlake " + commandLine.getCommandName() + ": "
            + SafeText.message(e.getMessage()));
        return e instanceof LakeLock.HeldException ? LOCKED : 1;
      }
      // anything else: its stack trace, as picocli prints one, and picocli's exit code for it
      commandLine.getErr().print(SafeText.trace(e));
      commandLine.getErr().flush();
      return commandLine.getCommandSpec().exitCodeOnExecutionException();
    });
    return cli;
  }
}
