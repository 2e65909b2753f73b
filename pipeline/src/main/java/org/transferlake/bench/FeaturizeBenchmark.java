package org.transferlake.bench;

import static org.transferlake.bench.Measures.mib;
import static org.transferlake.bench.Measures.since;

import java.io.File;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Encoders;
import org.transferlake.config.Settings;
import org.transferlake.featurize.CompositionFeaturizer;
import org.transferlake.featurize.FeatureTable;
import org.transferlake.featurize.FeaturizeJob;
import org.transferlake.featurize.FeaturizeOutcome;
import org.transferlake.featurize.FeaturizerPresets;
import org.transferlake.featurize.LakeElementTable;
import org.transferlake.ingest.IngestJob;
import org.transferlake.ingest.SourceOutcome;
import org.transferlake.lake.LakeTable;
import org.transferlake.pipeline.PipelineSession;

/**
 * The featurize benchmark: (a) the Magpie kernel alone, formula string to doubles, on one thread and on every
 * core; (b) featurize end to end over generated compositions read from a lake table, twice, with the time, the CPU
 * and the heap. Runs in a scratch lake into which it ingests magpie_elements and matbench_mp_gap.
 */
public final class FeaturizeBenchmark {
  private static final String PRESET = "magpie";

  /**
   * @param rows the distinct compositions generated, 1 or more
   * @param seed the seed of the generated amounts
   * @param kernelSeconds seconds the kernel is timed per run, after as many of warm-up
   * @param dir the scratch lake
   */
  public record Options(long rows, long seed, double kernelSeconds, File dir) {}

  private final Options options;

  public FeaturizeBenchmark(Options options) {
    this.options = options;
  }

  /** Deletes the previous run's scratch lake ({@link ScratchLake}); before the settings are read. */
  public void prepare() {
    ScratchLake.recreate(options.dir());
  }

  /** The settings the benchmark sets over the user's: its scratch lake and its sources. */
  public Map<String, String> settings() {
    return Map.of("transferlake.lake.root", options.dir().getAbsolutePath(),
        "transferlake.sources.only", "[magpie_elements, matbench_mp_gap]");
  }

  /** Runs the benchmark in the prepared scratch lake with {@code settings}, printing to {@code out}. */
  public void run(Settings settings, PrintStream out) {
    int cores = Runtime.getRuntime().availableProcessors();
    out.printf(Locale.ROOT, "bench featurize: %,d rows, seed %d, %d cores, heap max %s, scratch lake %s%n",
        options.rows(), options.seed(), cores, mib(Runtime.getRuntime().maxMemory()),
        options.dir().getAbsolutePath());

    long t0 = System.nanoTime();
    try (PipelineSession session = new PipelineSession(settings, "bench featurize")) {
      double startup = since(t0);
      out.printf(Locale.ROOT, "Spark start-up (session and lake catalog): %.1f s%n", startup);

      String compositions = setUp(session, out);
      kernel(session, cores, out);

      FeaturizeJob featurize = FeaturizeJob.fromSettings(session.lake(), settings, out::println);
      FeatureTable features = new FeatureTable(session.lake(), PRESET);
      // the first run pays for compiling Spark's and Iceberg's write paths, as a fresh JVM does each night
      for (String run : List.of("first run in this JVM", "second run, table dropped first")) {
        if (features.exists()) {
          session.spark().sql("DROP TABLE " + features.name() + " PURGE");
        }
        endToEnd(session, featurize, features, compositions, run, cores, out);
      }
    }
  }

  /** Ingests the element table and the real compositions, and generates the rows; returns their table. */
  private String setUp(PipelineSession session, PrintStream out) {
    long t0 = System.nanoTime();
    List<SourceOutcome> ingested = IngestJob.run(session.lake(), session.settings(), "bench-ingest");
    ingested.stream().filter(SourceOutcome::failed).findAny().ifPresent(o -> {
      throw new IllegalStateException("bench set-up: source " + o.sourceId() + " failed: " + o.message());
    });
    String compositions = session.lake().catalog() + ".bench.compositions";
    session.spark().sql("CREATE NAMESPACE IF NOT EXISTS " + session.lake().catalog() + ".bench");
    CompositionGenerator.generate(session.spark(), session.lake().read(LakeTable.OBSERVATIONS), options.rows(),
        options.seed()).writeTo(compositions).using("iceberg").tableProperty("format-version", "2")
        .createOrReplace();
    long generated = session.spark().table(compositions).count();
    if (generated < options.rows()) {
      throw new IllegalStateException("the element sets gave only " + generated + " distinct compositions");
    }
    out.printf(Locale.ROOT, "set-up (ingest, %,d compositions into %s): %.1f s%n", generated, compositions,
        since(t0));
    return compositions;
  }

  /** Times the kernel on one thread, then on every core. */
  private void kernel(PipelineSession session, int cores, PrintStream out) {
    LakeElementTable elements = LakeElementTable.read(session.lake(), session.settings().featurizeElementSource(),
        FeaturizerPresets.elementProperties(PRESET));
    CompositionFeaturizer kernel = FeaturizerPresets.create(PRESET, elements.table());
    // real spellings (cell formulas such as K4Mn4O8), ~100,000 of them: set-up data for the kernel
    List<String> formulas = session.lake().read(LakeTable.OBSERVATIONS).where("source_id = 'matbench_mp_gap'")
        .select("formula_raw").as(Encoders.STRING()).collectAsList();
    for (int threads : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
      KernelBenchmark.Result r = KernelBenchmark.run(kernel, formulas, threads, options.kernelSeconds(),
          options.kernelSeconds());
      out.printf(Locale.ROOT, "(a) kernel, %d thread%s: %,.0f compositions/s per thread (wall clock),"
          + " %,.0f per CPU-second; formula string -> %d doubles over %,d formulas of matbench_mp_gap%n",
          threads, threads == 1 ? "" : "s", r.perThreadPerSecond(), r.perCpuSecond(), kernel.featureCount(),
          formulas.size());
    }
  }

  /** Featurizes the generated compositions into a new features table and prints time, CPU and heap. */
  private void endToEnd(PipelineSession session, FeaturizeJob featurize, FeatureTable features,
      String compositions, String run, int cores, PrintStream out) {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    double loadBefore = os.getSystemLoadAverage();
    HeapWatch heap = HeapWatch.start();
    long t0 = System.nanoTime();
    long cpu0 = os.getProcessCpuTime();
    FeaturizeOutcome outcome = featurize.run("bench", PRESET, session.spark().table(compositions));
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
    if (written != options.rows()) {
      throw new IllegalStateException("wrote " + written + " rows, expected " + options.rows());
    }
  }
}
