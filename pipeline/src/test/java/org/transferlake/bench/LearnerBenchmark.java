package org.transferlake.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.transferlake.model.learn.Learner;
import org.transferlake.model.learn.Model;
import org.transferlake.model.learn.forest.ForestLearner;
import org.transferlake.model.learn.mlp.MlpActivation;
import org.transferlake.model.learn.mlp.MlpLearner;

/**
 * Training time of our learners on matbench_expt_gap (Magpie features, fold 0), the half of
 * {@code bench/learners/run.sh} that runs in Java: exports the data for the Python peers, times our forest and
 * mlp, and measures what the one-training-per-JVM rule costs ({@link LockContention}). Lives with the tests
 * because it reads the data through their helpers and must not ship in the application jar.
 *
 * <p>Arguments: {@code --out DIR --trees N --hidden W,W --epochs N --batch N --lr X --lock-trainings N
 * --lock-epochs N --lock-rounds N}; {@code --worker N} runs one process of the two-JVM measurement.
 */
public final class LearnerBenchmark {
  private LearnerBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    BenchData data = BenchData.fold0();
    MlpLearner mlp = mlp(options, "--epochs");
    if (options.containsKey("--worker")) {
      WorkerJvms.serve(data, mlp, mlp(options, "--lock-epochs"), Integer.parseInt(options.get("--worker")));
      return;
    }
    Path out = Path.of(options.get("--out"));
    Files.createDirectories(out);
    data.export(out);
    System.out.printf(Locale.ROOT, "data: %d training rows, %d test rows, %d features%n", data.trainY().length,
        data.testY().length, data.trainX()[0].length);
    ForestLearner forest = new ForestLearner(Integer.parseInt(options.get("--trees")), 1.0, 0, 1, false, 2);
    warmUp(data, forest.withTrees(10), mlp.withMaxEpochs(Math.max(1, mlp.maxEpochs() / 5)));
    try (PrintWriter tsv = tsv(out.resolve("ours.tsv"), "case\tfit_s\tfit_cpu_s\tpredict_s\ttest_mae")) {
      time(tsv, "forest, 2 threads", forest, data, 1);
      time(tsv, "forest, 1 thread", forest.withThreads(1), data, 1);
      time(tsv, "mlp, 1 thread", mlp, data, MLP_FITS);
    }
    int trainings = Integer.parseInt(options.get("--lock-trainings"));
    try (PrintWriter tsv = tsv(out.resolve("lock.tsv"), "mode\ttrainings\twall_s\tcpu_s");
        WorkerJvms jvms = new WorkerJvms(trainings, args)) {
      new LockContention(data, mlp(options, "--lock-epochs"), trainings,
          Integer.parseInt(options.get("--lock-rounds"))).run(tsv, jvms);
    }
  }

  /** The benchmark's mlp: no dropout, no early stopping, one member, so that it matches the PyTorch script. */
  private static MlpLearner mlp(Map<String, String> options, String epochs) {
    List<Integer> hidden = Arrays.stream(options.get("--hidden").split(",")).map(Integer::valueOf).toList();
    return new MlpLearner(hidden, MlpActivation.RELU, 0.0, Double.parseDouble(options.get("--lr")),
        Integer.parseInt(options.get("--batch")), Integer.parseInt(options.get(epochs)), 1, 0.0, 0.0, 1);
  }

  /**
   * JIT compilation and PyTorch's start-up (loading libtorch) are not what we compare: five short fits (the mlp's
   * together as many epochs as the timed one), each predicting four times, so that the timed fit and prediction
   * run compiled code as the peers' libraries do (after one short fit the next fit still ran partly interpreted,
   * 2-4 s of CPU time more than the fits after it).
   */
  private static void warmUp(BenchData data, Learner... learners) {
    for (Learner learner : learners) {
      for (int i = 0; i < 5; i++) {
        Model model = learner.fit(data.training(), i);
        for (int k = 0; k < 4; k++) {
          model.predict(data.testX());
        }
      }
    }
  }

  /** Predictions of the test rows timed per case: the median is reported (one call of a few ms meets stalls). */
  private static final int PREDICTIONS = 9;

  /**
   * The mlp's fit is timed as the median of this many (same seed, same model): a fit of 2-3 s varied by a third
   * between runs on a quiet machine. The forests' fits take 6-25 s and are timed once.
   */
  private static final int MLP_FITS = 5;

  /**
   * Wall and CPU seconds of the fit, the median of {@code fits} (CPU: of the whole process, so both threads of a
   * 2-thread forest), and the median seconds of the test rows' predictions.
   */
  private static void time(PrintWriter tsv, String name, Learner learner, BenchData data, int fits) {
    double[] wall = new double[fits];
    double[] cpu = new double[fits];
    Model model = null;
    for (int f = 0; f < fits; f++) {
      long cpuBefore = processCpuNanos();
      long start = System.nanoTime();
      model = learner.fit(data.training(), 1);
      wall[f] = seconds(start, System.nanoTime());
      cpu[f] = (processCpuNanos() - cpuBefore) / 1e9;
    }
    double[] predicted = null;
    double[] predictSeconds = new double[PREDICTIONS];
    for (int i = 0; i < PREDICTIONS; i++) { // the first includes loading an mlp's members
      long before = System.nanoTime();
      predicted = model.predict(data.testX()).mean(0);
      predictSeconds[i] = seconds(before, System.nanoTime());
    }
    row(tsv, name, median(wall), median(cpu), median(predictSeconds), BenchData.mae(predicted, data.testY()));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static void row(PrintWriter tsv, Object... cells) {
    StringBuilder line = new StringBuilder();
    for (Object cell : cells) {
      line.append(line.length() == 0 ? "" : "\t")
          .append(cell instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : cell);
    }
    tsv.println(line);
    tsv.flush();
    System.out.println(line);
  }

  static double seconds(long from, long to) {
    return (to - from) / 1e9;
  }

  private static PrintWriter tsv(Path file, String header) throws IOException {
    PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    out.println(header);
    return out;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
      }
      options.put(args[i], args[i + 1]);
    }
    return options;
  }
}
