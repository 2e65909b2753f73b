package org.transferlake.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.transferlake.model.learn.Model;
import org.transferlake.model.learn.mlp.MlpLearner;

/**
 * What DJL's one-training-per-JVM rule costs: the same N mlp trainings run one after another in one JVM, from
 * two threads of one JVM (they queue on the training lock), and split over two JVMs ({@link WorkerJvms}).
 * Training i is seeded with i in every mode, and every training runs on a pool thread, as in a Spark task. The
 * modes take turns for a few rounds; each one's median is reported, as other processes on the machine may slow
 * any single round.
 */
final class LockContention {
  private final BenchData data;
  private final MlpLearner learner;
  private final int trainings;
  private final int rounds;

  LockContention(BenchData data, MlpLearner learner, int trainings, int rounds) {
    this.data = data;
    this.learner = learner;
    this.trainings = trainings;
    this.rounds = rounds;
  }

  /** Per mode the median wall seconds and the median CPU seconds the trainings used (in every JVM). */
  void run(PrintWriter tsv, WorkerJvms jvms) throws Exception {
    String[] modes = {"serial, 1 JVM", "2 threads, 1 JVM", "2 JVMs"};
    double[][] wall = new double[modes.length][rounds];
    double[][] cpu = new double[modes.length][rounds];
    for (int r = 0; r < rounds; r++) {
      double[][] serial = timed(() -> onThreads(1), wall[0], cpu[0], r);
      double[][] threaded = timed(() -> onThreads(2), wall[1], cpu[1], r);
      if (!Arrays.deepEquals(serial, threaded)) {
        throw new IllegalStateException("trainings from two threads differ from the same trainings run serially");
      }
      double[] split = jvms.round();
      wall[2][r] = split[0];
      cpu[2][r] = split[1];
      for (int m = 0; m < modes.length; m++) {
        System.out.printf(Locale.ROOT, "round %d, %s: %.2f s wall, %.2f s CPU%n", r + 1, modes[m], wall[m][r],
            cpu[m][r]);
      }
    }
    for (int m = 0; m < modes.length; m++) {
      LearnerBenchmark.row(tsv, modes[m], trainings, median(wall[m]), median(cpu[m]));
    }
  }

  private static <T> T timed(Callable<T> work, double[] wall, double[] cpu, int round) throws Exception {
    long cpuStart = LearnerBenchmark.processCpuNanos();
    long start = System.nanoTime();
    T result = work.call();
    wall[round] = LearnerBenchmark.seconds(start, System.nanoTime());
    cpu[round] = (LearnerBenchmark.processCpuNanos() - cpuStart) / 1e9;
    return result;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The N trainings submitted at once to a pool of {@code threads}; the test-set predictions of each. */
  private double[][] onThreads(int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Model>> models = new ArrayList<>();
      for (int i = 0; i < trainings; i++) {
        long seed = i;
        models.add(pool.submit(() -> learner.fit(data.training(), seed)));
      }
      double[][] out = new double[trainings][];
      for (int i = 0; i < trainings; i++) {
        out[i] = models.get(i).get().predict(data.testX()).mean(0);
      }
      return out;
    } finally {
      pool.shutdown();
    }
  }
}
