package org.transferlake.jobs;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.transferlake.bench.FeaturizeBenchmark;
import org.transferlake.bench.ScratchLake;
import org.transferlake.bench.SuggestBenchmark;
import org.transferlake.bench.UnitsBenchmark;
import org.transferlake.config.SettingsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code transferlake bench}: benchmarks, each in a scratch lake of its own. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks; each builds a scratch lake of its own and never touches the configured one.",
    subcommands = {BenchCommand.Featurize.class, BenchCommand.Units.class, BenchCommand.Suggest.class})
final class BenchCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out); // as --help prints it
  }

  /** {@code bench featurize}: the Magpie kernel alone, then featurize end to end over generated compositions. */
  @Command(name = "featurize", mixinStandardHelpOptions = true,
      description = {"The Magpie kernel alone, then featurize end to end over generated compositions.",
          "(a) The magpie kernel, formula string to 132 doubles, in compositions per second per core; (b) end to"
              + " end: N distinct compositions (real element sets, seeded random amounts) read from a lake table,"
              + " featurized and written to lake.features.magpie, with Spark start-up and set-up reported apart and"
              + " the heap watched throughout.", "Ingests magpie_elements and matbench_mp_gap from the mirror first."})
  static final class Featurize implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--rows", defaultValue = "1000000", description = "Distinct compositions. Default: ${DEFAULT-VALUE}.")
    long rows;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated amounts. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--kernel-seconds", defaultValue = "5",
        description = "Seconds the kernel is timed per run (after as many of warm-up). Default: ${DEFAULT-VALUE}.")
    double kernelSeconds;

    @Option(names = "--dir", defaultValue = "lake-bench",
        description = "Scratch lake, deleted and rebuilt at every run. Default: ${DEFAULT-VALUE}.")
    File dir;

    @Override
    public Integer call() {
      if (rows < 1) {
        throw new SettingsException("bench featurize --rows " + rows + ": expected 1 or more");
      }
      FeaturizeBenchmark bench = new FeaturizeBenchmark(new FeaturizeBenchmark.Options(rows, seed, kernelSeconds,
          dir));
      checkScratch(dir);
      bench.prepare();
      common.overrides.putAll(bench.settings());
      bench.run(common.settings(), System.out);
      return 0;
    }
  }

  /** {@code bench units}: the driver's heap against the number of work units of one training run. */
  @Command(name = "units", mixinStandardHelpOptions = true,
      description = {"The driver's heap against the number of work units of one training run.",
          "Trains, for each N of --units, one sweep of about N work units (forest of 2 trees over a grid of depths"
              + " and leaf sizes, target only, matbench_expt_gap on Matbench's 5 folds) in a scratch lake, and"
              + " watches this JVM's heap (in local mode the driver's): peak in use, most in use after a collection,"
              + " in use after a full collection at the end. Flat figures mean the driver's memory does not grow"
              + " with the number of units.", "Spark's execution memory is put off the heap (1g, unless --set"
              + " otherwise): in local mode the executors share the driver's JVM, and their on-heap pages would"
              + " hide the driver's own state. Ingests magpie_elements and matbench_expt_gap from the mirror"
              + " first."})
  static final class Units implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--units", split = ",", defaultValue = "250,1000,2000",
        description = "Work units per run, comma separated (rounded up to a grid of 20 depths x k leaf sizes x 5"
            + " folds). Default: ${DEFAULT-VALUE}.")
    List<Integer> units;

    @Option(names = "--dir", defaultValue = "lake-bench-units",
        description = "Scratch lake, deleted and rebuilt at every run. Default: ${DEFAULT-VALUE}.")
    File dir;

    @Override
    public Integer call() throws IOException {
      if (units.stream().anyMatch(n -> n < 100)) {
        throw new SettingsException("bench units --units " + units + ": expected 100 or more each");
      }
      UnitsBenchmark bench = new UnitsBenchmark(new UnitsBenchmark.Options(units, dir));
      checkScratch(dir);
      bench.prepare();
      common.overrides.putAll(bench.settings());
      bench.sparkDefaults().forEach(common.overrides::putIfAbsent);
      bench.run(common.settings(), System.out);
      return 0;
    }
  }

  /** {@code bench suggest}: suggest over generated candidates with a small model. */
  @Command(name = "suggest", mixinStandardHelpOptions = true,
      description = {"Suggest over generated candidate compositions with a small model, in rows per second.",
          "Ingests magpie_elements and matbench_expt_gap from the mirror, featurizes them, trains a 16-tree forest"
              + " on the experimental gaps, generates N distinct compositions (real element sets, seeded random"
              + " amounts), then times suggest toward window:1.1,1.7 over them: featurizing, scoring, ranking and the"
              + " batch. Start-up, set-up and generation are reported apart."})
  static final class Suggest implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--rows", defaultValue = "100000", description = "Candidate compositions. Default: ${DEFAULT-VALUE}.")
    long rows;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated amounts. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--dir", defaultValue = "lake-bench-suggest",
        description = "Scratch lake, deleted and rebuilt at every run. Default: ${DEFAULT-VALUE}.")
    File dir;

    @Override
    public Integer call() throws IOException {
      if (rows < 1) {
        throw new SettingsException("bench suggest --rows " + rows + ": expected 1 or more");
      }
      SuggestBenchmark bench = new SuggestBenchmark(new SuggestBenchmark.Options(rows, seed, dir));
      checkScratch(dir);
      bench.prepare();
      common.overrides.putAll(bench.settings());
      bench.run(common.settings(), System.out);
      return 0;
    }
  }

  /** Refuses a directory that is not a bench scratch lake, before anything in it is deleted. */
  private static void checkScratch(File dir) {
    if (!ScratchLake.replaceable(dir)) {
      throw new SettingsException("bench --dir " + dir + ": not empty and not a bench scratch lake"
          + " (no " + ScratchLake.MARKER + "); choose another directory");
    }
  }
}
