package org.transferlake.bench;

import static org.transferlake.bench.Measures.since;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.transferlake.config.Settings;
import org.transferlake.lake.LakeTable;
import org.transferlake.model.acquisition.Goal;
import org.transferlake.pipeline.FeaturizeStage;
import org.transferlake.pipeline.IngestStage;
import org.transferlake.pipeline.PipelineSession;
import org.transferlake.pipeline.StageListener;
import org.transferlake.pipeline.SuggestStage;
import org.transferlake.pipeline.TrainStage;
import org.transferlake.suggest.SuggestRequest;
import org.transferlake.suggest.Suggestions;

/**
 * The suggest benchmark: N generated compositions (the element sets of matbench_expt_gap's, seeded amounts) ranked
 * toward a solar-absorber window by a small model (a 16-tree forest on magpie features, target only), timed from
 * the call to the ranked rows counted: featurizing, scoring, ranking and the batch. Start-up, ingest, featurize,
 * training and generating the candidates are reported apart.
 */
public final class SuggestBenchmark {
  private static final String NAME = "bench_suggest";
  private static final String EXPERIMENT = """
      name = bench_suggest
      description = "bench suggest: a small model to rank candidates with"
      target = "band_gap/experiment/matbench_expt_gap"
      sources = []
      features = magpie
      architectures = [target_only]
      learners = [ { name = forest, grid { trees = [16] } } ]
      cv { folds = 2 }
      inner-folds = 0
      learning-curve = [all]
      seed = 11
      """;

  /**
   * @param rows candidate compositions, at least 1
   * @param seed of the generated amounts
   * @param dir the scratch lake
   */
  public record Options(long rows, long seed, File dir) {}

  private final Options options;
  private final File experiments;

  public SuggestBenchmark(Options options) {
    this.options = options;
    this.experiments = new File(options.dir(), "experiments");
  }

  /** Deletes the previous run's scratch lake ({@link ScratchLake}) and writes the experiment; before settings. */
  public void prepare() throws IOException {
    ScratchLake.recreate(options.dir());
    Files.createDirectories(experiments.toPath());
    Files.writeString(new File(experiments, NAME + ".conf").toPath(), EXPERIMENT);
  }

  /** The settings the benchmark sets over the user's: its scratch lake, sources, preset and experiments. */
  public Map<String, String> settings() {
    return Map.of("transferlake.lake.root", options.dir().getAbsolutePath(),
        "transferlake.sources.only", "[magpie_elements, matbench_expt_gap]",
        "transferlake.featurize.presets", "[magpie]",
        "transferlake.experiments.dir", experiments.getAbsolutePath());
  }

  /** Runs the benchmark in the prepared scratch lake with {@code settings}, printing each phase's seconds. */
  public void run(Settings settings, PrintStream out) {
    out.printf(Locale.ROOT, "bench suggest: %,d candidates, seed %d, %d cores, scratch lake %s%n", options.rows(),
        options.seed(), Runtime.getRuntime().availableProcessors(), options.dir().getAbsolutePath());
    long t0 = System.nanoTime();
    try (PipelineSession session = new PipelineSession(settings, "bench suggest").lockForWriting()) {
      session.spark();
      out.printf(Locale.ROOT, "start-up (Spark session): %.1f s%n", since(t0));
      long t1 = System.nanoTime();
      if (!new IngestStage(session, StageListener.NONE).run().ok()
          || !new FeaturizeStage(session, StageListener.NONE).run().ok()) {
        throw new IllegalStateException("bench suggest: ingest or featurize failed; run them alone to see why");
      }
      new TrainStage(session, StageListener.NONE).train(NAME, "bench-suggest");
      out.printf(Locale.ROOT, "set-up (ingest, featurize, train the model): %.1f s%n", since(t1));
      long t2 = System.nanoTime();
      Dataset<Row> candidates = CompositionGenerator.generate(session.spark(),
          session.lake().read(LakeTable.OBSERVATIONS), options.rows(), options.seed())
          .withColumnRenamed("composition_key", "formula").localCheckpoint();
      long generated = candidates.count();
      out.printf(Locale.ROOT, "generated %,d candidates: %.1f s%n", generated, since(t2));

      SuggestStage suggest = new SuggestStage(session);
      var model = suggest.model(NAME, null, null, null); // the best registered
      double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      long t3 = System.nanoTime();
      Suggestions ranked = suggest.suggest(candidates, "formula", model, SuggestRequest.of(Goal.window(1.1, 1.7)));
      long rows = ranked.rows().count();
      double seconds = since(t3);
      out.printf(Locale.ROOT, "suggest (featurize, score, rank, batch of %d): %,d candidates (%,d left out as"
          + " measured, %,d ranked) in %.1f s, %,.0f candidates/s%n", ranked.batch().size(), ranked.candidates(),
          ranked.excludedMeasured(), rows, seconds, ranked.candidates() / seconds);
      out.printf(Locale.ROOT, "load average (1 min) %.1f before, %.1f after, on %d cores: a shared machine's"
          + " neighbours slow it%n", loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          Runtime.getRuntime().availableProcessors());
    } catch (IOException e) {
      throw new IllegalStateException("bench suggest: " + e.getMessage(), e);
    }
  }
}
