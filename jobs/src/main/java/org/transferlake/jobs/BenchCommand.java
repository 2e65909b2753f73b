package org.transferlake.jobs;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.Encoders;
import org.transferlake.bench.CompositionGenerator;
import org.transferlake.bench.HeapWatch;
import org.transferlake.bench.KernelBenchmark;
import org.transferlake.config.Settings;
import org.transferlake.config.SettingsException;
import org.transferlake.featurize.CompositionFeaturizer;
import org.transferlake.featurize.FeaturizeJob;
import org.transferlake.featurize.FeaturizeOutcome;
import org.transferlake.featurize.FeaturizerPresets;
import org.transferlake.featurize.LakeElementTable;
import org.transferlake.ingest.IngestJob;
import org.transferlake.ingest.SourceOutcome;
import org.transferlake.featurize.FeatureTable;
import org.transferlake.lake.LakeTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code transferlake bench}: benchmarks, each in a scratch lake of its own. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks; each builds a scratch lake of its own and never touches the configured one.",
    subcommands = {BenchCommand.Featurize.class, BenchCommand.Units.class})
final class BenchCommand implements Runnable {
  /** Marks a directory as a benchmark's scratch lake, so that only such a directory is ever deleted. */
  private static final String MARKER = ".transferlake-bench";

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** {@code bench featurize}: the Magpie kernel alone, then featurize end to end over generated compositions. */
  @Command(name = "featurize", mixinStandardHelpOptions = true,
      description = {"(a) The magpie kernel, formula string to 132 doubles, in compositions per second per core;",
          "(b) end to end: N distinct compositions (real element sets, seeded random amounts) read from a lake",
          "table, featurized and written to lake.features.magpie, with Spark start-up and set-up reported apart",
          "and the heap watched throughout. Ingests magpie_elements and matbench_mp_gap from the mirror first."})
  static final class Featurize implements Callable<Integer> {
    private static final String PRESET = "magpie";

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
      PrintStream out = System.out;
      scratch(dir);
      common.overrides.put("transferlake.lake.root", dir.getAbsolutePath());
      common.overrides.put("transferlake.sources.only", "[magpie_elements, matbench_mp_gap]");
      Settings settings = common.settings();
      int cores = Runtime.getRuntime().availableProcessors();
      out.printf(Locale.ROOT, "bench featurize: %,d rows, seed %d, %d cores, heap max %s, scratch lake %s%n", rows,
          seed, cores, mib(Runtime.getRuntime().maxMemory()), dir.getAbsolutePath());

      long t0 = System.nanoTime();
      try (JobContext job = new JobContext(settings, "bench featurize")) {
        double startup = since(t0);
        out.printf(Locale.ROOT, "Spark start-up (session and lake catalog): %.1f s%n", startup);

        String compositions = setUp(job, settings, out);
        kernel(job, settings, cores, out);

        FeaturizeJob featurize = FeaturizeJob.fromSettings(job.lake, settings, out::println);
        FeatureTable features = new FeatureTable(job.lake, PRESET);
        // the first run pays for compiling Spark's and Iceberg's write paths, as a fresh JVM does each night
        for (String run : List.of("first run in this JVM", "second run, table dropped first")) {
          if (features.exists()) {
            job.spark.sql("DROP TABLE " + features.name() + " PURGE");
          }
          endToEnd(job, featurize, features, compositions, run, cores, out);
        }
        return 0;
      }
    }

    /** Ingests the element table and the real compositions, and generates the rows; returns their table. */
    private String setUp(JobContext job, Settings settings, PrintStream out) {
      long t0 = System.nanoTime();
      List<SourceOutcome> ingested = IngestJob.run(job.lake, settings, "bench-ingest");
      ingested.stream().filter(SourceOutcome::failed).findAny().ifPresent(o -> {
        throw new IllegalStateException("bench set-up: source " + o.sourceId() + " failed: " + o.message());
      });
      String compositions = job.lake.catalog() + ".bench.compositions";
      job.spark.sql("CREATE NAMESPACE IF NOT EXISTS " + job.lake.catalog() + ".bench");
      CompositionGenerator.generate(job.spark, job.lake.read(LakeTable.OBSERVATIONS), rows, seed)
          .writeTo(compositions).using("iceberg").tableProperty("format-version", "2").createOrReplace();
      long generated = job.spark.table(compositions).count();
      if (generated < rows) {
        throw new IllegalStateException("the element sets gave only " + generated + " distinct compositions");
      }
      out.printf(Locale.ROOT, "set-up (ingest, %,d compositions into %s): %.1f s%n", generated, compositions,
          since(t0));
      return compositions;
    }

    /** Times the kernel on one thread, then on every core. */
    private void kernel(JobContext job, Settings settings, int cores, PrintStream out) {
      LakeElementTable elements = LakeElementTable.read(job.lake, settings.featurizeElementSource(),
          FeaturizerPresets.elementProperties(PRESET));
      CompositionFeaturizer kernel = FeaturizerPresets.create(PRESET, elements.table());
      // real spellings (cell formulas such as K4Mn4O8), ~100,000 of them: set-up data for the kernel
      List<String> formulas = job.lake.read(LakeTable.OBSERVATIONS).where("source_id = 'matbench_mp_gap'")
          .select("formula_raw").as(Encoders.STRING()).collectAsList();
      for (int threads : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
        KernelBenchmark.Result r = KernelBenchmark.run(kernel, formulas, threads, kernelSeconds, kernelSeconds);
        out.printf(Locale.ROOT, "(a) kernel, %d thread%s: %,.0f compositions/s per thread (wall clock),"
            + " %,.0f per CPU-second; formula string -> %d doubles over %,d formulas of matbench_mp_gap%n",
            threads, threads == 1 ? "" : "s", r.perThreadPerSecond(), r.perCpuSecond(), kernel.featureCount(),
            formulas.size());
      }
    }

    /** Featurizes the generated compositions into a new features table and prints time, CPU and heap. */
    private void endToEnd(JobContext job, FeaturizeJob featurize, FeatureTable features, String compositions,
        String run, int cores, PrintStream out) {
      var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      double loadBefore = os.getSystemLoadAverage();
      HeapWatch heap = HeapWatch.start();
      long t0 = System.nanoTime();
      long cpu0 = os.getProcessCpuTime();
      FeaturizeOutcome outcome = featurize.run("bench", PRESET, job.spark.table(compositions));
      double seconds = since(t0);
      double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
      HeapWatch.Report memory = heap.stop();
      System.gc(); // a full collection: what is still in use now, the run kept
      long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      out.printf(Locale.ROOT, "(b) end to end, %s: %,d distinct compositions read from %s, featurized and"
          + " written to %s (%d columns) in %.1f s after start-up: %,.0f rows/s%n", run, outcome.rowsWritten(),
          compositions, outcome.table(), features.read().columns().length, seconds, outcome.rowsWritten() / seconds);
      out.printf(Locale.ROOT, "    heap: peak in use %s, most in use after a collection %s, max %s;"
          + " %d collections, %.1f s in GC; in use after a full collection at the end %s%n",
          mib(memory.peakUsed()), mib(memory.maxLiveAfterGc()), mib(memory.heapMax()), memory.collections(),
          memory.gcSeconds(), mib(retained));
      // on a shared machine the wall clock depends on the neighbours; CPU time and load say how much
      out.printf(Locale.ROOT, "    CPU: %.1f s of this JVM over %.1f s (%.2f of %d cores); load average %.1f"
          + " before, %.1f after%n", cpuSeconds, seconds, cpuSeconds / seconds, cores, loadBefore,
          os.getSystemLoadAverage());
      long written = features.read().count();
      if (written != rows) {
        throw new IllegalStateException("wrote " + written + " rows, expected " + rows);
      }
    }
  }

  /** {@code bench units}: the driver's heap against the number of work units of one training run. */
  @Command(name = "units", mixinStandardHelpOptions = true,
      description = {"Trains, for each N of --units, one sweep of about N work units (forest of 2 trees over a grid of",
          "depths and leaf sizes, target only, matbench_expt_gap on Matbench's 5 folds) in a scratch lake, and",
          "watches this JVM's heap (in local mode the driver's): peak in use, most in use after a collection, in",
          "use after a full collection at the end. Flat figures mean the driver's memory does not grow with the",
          "number of units. Spark's execution memory is put off the heap (1g, unless --set otherwise): in local",
          "mode the executors share the driver's JVM, and their on-heap pages would hide the driver's own state.",
          "Ingests magpie_elements and matbench_expt_gap from the mirror first."})
  static final class Units implements Callable<Integer> {
    private static final String EXPERIMENT = """
        name = %s
        description = "bench units: %d grid points x 5 folds"
        target = "band_gap/experiment/matbench_expt_gap"
        sources = []
        features = magpie
        architectures = [target_only]
        learners = [ { name = forest, grid { trees = [2], max_depth = %s, min_leaf = %s } } ]
        cv { fold-table = "matbench_expt_gap_folds.csv" }
        inner-folds = 0
        learning-curve = [all]
        seed = 11
        """;

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
      PrintStream out = System.out;
      scratch(dir);
      File experiments = new File(dir, "experiments");
      Files.createDirectories(experiments.toPath());
      common.overrides.put("transferlake.lake.root", dir.getAbsolutePath());
      common.overrides.put("transferlake.sources.only", "[magpie_elements, matbench_expt_gap]");
      common.overrides.put("transferlake.featurize.presets", "[magpie]");
      common.overrides.put("transferlake.experiments.dir", experiments.getAbsolutePath());
      common.overrides.putIfAbsent("spark.memory.offHeap.enabled", "true");
      common.overrides.putIfAbsent("spark.memory.offHeap.size", "1g");
      Settings settings = common.settings();
      out.printf(Locale.ROOT, "bench units: %s units, %d cores, heap max %s, scratch lake %s%n", units,
          Runtime.getRuntime().availableProcessors(), mib(Runtime.getRuntime().maxMemory()), dir.getAbsolutePath());
      try (JobContext job = new JobContext(settings, "bench units").lockForWriting()) {
        if (!IngestCommand.ingest(job, new PrintStream(OutputStream.nullOutputStream()))
            || !FeaturizeCommand.featurize(job, new PrintStream(OutputStream.nullOutputStream()))) {
          throw new IllegalStateException("bench units: ingest or featurize failed; run them alone to see why");
        }
        out.println("| units | waves | wall (s) | units/s | heap peak in use | most in use after a collection"
            + " | in use after a full collection at the end |");
        out.println("|---|---|---|---|---|---|---|");
        for (int n : units) {
          int leafSizes = (int) Math.ceil(n / 100.0); // 20 depths x leafSizes x 5 folds >= n
          String name = "bench_units_" + n;
          Files.writeString(new File(experiments, name + ".conf").toPath(), EXPERIMENT.formatted(name,
              20 * leafSizes, range(20), range(leafSizes)));
          System.gc();
          HeapWatch heap = HeapWatch.start();
          long t0 = System.nanoTime();
          TrainCommand.train(job, name, false, null, "bench-" + n, new PrintStream(OutputStream.nullOutputStream()));
          double seconds = since(t0);
          HeapWatch.Report memory = heap.stop();
          System.gc();
          long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
          int trained = 100 * leafSizes;
          out.printf(Locale.ROOT, "| %,d | %d | %.1f | %.1f | %s | %s | %s |%n", trained,
              (trained + settings.unitsPerCommit() - 1) / settings.unitsPerCommit(), seconds, trained / seconds,
              mib(memory.peakUsed()), mib(memory.maxLiveAfterGc()), mib(retained));
        }
        return 0;
      }
    }

    /** {@code [1, 2, ..., n]}. */
    private static String range(int n) {
      return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(Integer::toString)
          .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }
  }

  /** Deletes a previous run's scratch lake, refusing any directory it did not make. */
  private static void scratch(File dir) {
    Path path = dir.toPath();
    try {
      if (Files.isDirectory(path)) {
        boolean empty;
        try (Stream<Path> children = Files.list(path)) {
          empty = children.findAny().isEmpty();
        }
        if (!empty && !Files.exists(path.resolve(MARKER))) {
          throw new SettingsException("bench --dir " + dir + ": not empty and not a bench scratch lake"
              + " (no " + MARKER + "); choose another directory");
        }
        try (Stream<Path> all = Files.walk(path)) {
          for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      Files.createDirectories(path);
      Files.createFile(path.resolve(MARKER));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare scratch lake " + dir, e);
    }
  }

  private static double since(long nanos) {
    return (System.nanoTime() - nanos) / 1e9;
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%,d MiB", bytes >> 20);
  }
}
