package org.transferlake.bench;

import static org.transferlake.bench.Measures.mib;
import static org.transferlake.bench.Measures.since;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.transferlake.config.Settings;
import org.transferlake.pipeline.FeaturizeStage;
import org.transferlake.pipeline.IngestStage;
import org.transferlake.pipeline.PipelineSession;
import org.transferlake.pipeline.StageListener;
import org.transferlake.pipeline.TrainStage;

/**
 * The units benchmark: the driver's heap against the number of work units of one training run. For each N, one
 * sweep of about N units (a forest of 2 trees over a grid of depths and leaf sizes, target only,
 * matbench_expt_gap on Matbench's 5 folds) in a scratch lake, with the heap watched: flat figures mean the
 * driver's memory does not grow with the number of units.
 */
public final class UnitsBenchmark {
  private static final String EXPERIMENT = """
      name = %s
      description = "bench units: %d grid points x 5 folds"
      target = "band_gap/experiment/matbench_expt_gap"
      sources = []
      features = magpie
      architectures = [target_only]
      learners = [ { name = forest, grid { trees = [2], max-depth = %s, min-leaf = %s } } ]
      cv { fold-table = "matbench_expt_gap_folds.csv" }
      inner-folds = 0
      learning-curve = [all]
      seed = 11
      """;

  /**
   * @param units work units per run, each 100 or more (rounded up to a grid of 20 depths x k leaf sizes x 5 folds)
   * @param dir the scratch lake
   */
  public record Options(List<Integer> units, File dir) {}

  private final Options options;
  private final File experiments;

  public UnitsBenchmark(Options options) {
    this.options = options;
    this.experiments = new File(options.dir(), "experiments");
  }

  /** Deletes the previous run's scratch lake ({@link ScratchLake}); before the settings are read. */
  public void prepare() throws IOException {
    ScratchLake.recreate(options.dir());
    Files.createDirectories(experiments.toPath());
  }

  /** The settings the benchmark sets over the user's: its scratch lake, sources, preset and experiments. */
  public Map<String, String> settings() {
    return Map.of("transferlake.lake.root", options.dir().getAbsolutePath(),
        "transferlake.sources.only", "[magpie_elements, matbench_expt_gap]",
        "transferlake.featurize.presets", "[magpie]",
        "transferlake.experiments.dir", experiments.getAbsolutePath());
  }

  /**
   * Spark's execution memory off the heap, unless the user's settings say otherwise: in local mode the executors
   * share the driver's JVM, and their on-heap pages would hide the driver's own state.
   */
  public Map<String, String> sparkDefaults() {
    return Map.of("spark.memory.offHeap.enabled", "true", "spark.memory.offHeap.size", "1g");
  }

  /** Runs the benchmark in the prepared scratch lake with {@code settings}, printing a Markdown table. */
  public void run(Settings settings, PrintStream out) throws IOException {
    out.printf(Locale.ROOT, "bench units: %s units, %d cores, heap max %s, scratch lake %s%n", options.units(),
        Runtime.getRuntime().availableProcessors(), mib(Runtime.getRuntime().maxMemory()),
        options.dir().getAbsolutePath());
    try (PipelineSession session = new PipelineSession(settings, "bench units").lockForWriting()) {
      if (!new IngestStage(session, StageListener.NONE).run().ok()
          || !new FeaturizeStage(session, StageListener.NONE).run().ok()) {
        throw new IllegalStateException("bench units: ingest or featurize failed; run them alone to see why");
      }
      out.println("| units | waves | wall (s) | units/s | heap peak in use | most in use after a collection"
          + " | in use after a full collection at the end |");
      out.println("|---|---|---|---|---|---|---|");
      TrainStage train = new TrainStage(session, StageListener.NONE);
      for (int n : options.units()) {
        int leafSizes = (int) Math.ceil(n / 100.0); // 20 depths x leafSizes x 5 folds >= n
        String name = "bench_units_" + n;
        Files.writeString(new File(experiments, name + ".conf").toPath(), EXPERIMENT.formatted(name,
            20 * leafSizes, range(20), range(leafSizes)));
        System.gc();
        HeapWatch heap = HeapWatch.start();
        long t0 = System.nanoTime();
        train.train(name, "bench-" + n);
        double seconds = since(t0);
        HeapWatch.Report memory = heap.stop();
        System.gc();
        long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        int trained = 100 * leafSizes;
        out.printf(Locale.ROOT, "| %,d | %d | %.1f | %.1f | %s | %s | %s |%n", trained,
            (trained + settings.unitsPerCommit() - 1) / settings.unitsPerCommit(), seconds, trained / seconds,
            mib(memory.peakUsed()), mib(memory.maxLiveAfterGc()), mib(retained));
      }
    }
  }

  /** {@code [1, 2, ..., n]}. */
  private static String range(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(Integer::toString).collect(Collectors.joining(", ", "[", "]"));
  }
}
