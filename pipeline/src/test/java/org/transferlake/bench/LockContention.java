package org.transferlake.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.transferlake.learn.Model;
import org.transferlake.learn.mlp.MlpLearner;

/**
 * What DJL's one-training-per-JVM rule costs: the same N mlp trainings run one after another in one JVM, from
 * two threads of one JVM (they queue on the training lock), and split over two JVMs started side by side, each
 * warmed up and then released at the same moment. Training i is seeded with i in every mode, and every training
 * runs on a pool thread, as in a Spark task. The modes take turns for a few rounds; each one's median is reported,
 * as other processes on the machine may slow any single round.
 */
final class LockContention {
  private final BenchData data;
  private final MlpLearner learner;
  private final int trainings;
  private final int rounds;
  private final String[] args;

  LockContention(BenchData data, MlpLearner learner, int trainings, int rounds, String[] args) {
    this.data = data;
    this.learner = learner;
    this.trainings = trainings;
    this.rounds = rounds;
    this.args = args;
  }

  /** Per mode the median wall seconds and the median CPU seconds the trainings used (in every JVM). */
  void run(PrintWriter tsv) throws Exception {
    String[] modes = {"serial, 1 JVM", "2 threads, 1 JVM", "2 JVMs"};
    double[][] wall = new double[modes.length][rounds];
    double[][] cpu = new double[modes.length][rounds];
    for (int r = 0; r < rounds; r++) {
      double[][] serial = timed(() -> onThreads(1), wall[0], cpu[0], r);
      double[][] threaded = timed(() -> onThreads(2), wall[1], cpu[1], r);
      if (!Arrays.deepEquals(serial, threaded)) {
        throw new IllegalStateException("trainings from two threads differ from the same trainings run serially");
      }
      double[] jvms = twoJvms();
      wall[2][r] = jvms[0];
      cpu[2][r] = jvms[1];
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

  /** Wall seconds from releasing both warmed-up workers until the later one is done, and their CPU seconds. */
  private double[] twoJvms() throws IOException, InterruptedException {
    List<Process> workers = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      int share = trainings / 2 + (w < trainings % 2 ? 1 : 0);
      workers.add(new ProcessBuilder(workerCommand(share)).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }
    List<BufferedReader> replies = new ArrayList<>();
    for (Process worker : workers) {
      BufferedReader reply = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
      expect(reply, "ready");
      replies.add(reply);
    }
    long start = System.nanoTime();
    for (Process worker : workers) {
      OutputStream go = worker.getOutputStream();
      go.write("go\n".getBytes(StandardCharsets.US_ASCII));
      go.flush();
    }
    double cpu = 0;
    for (BufferedReader reply : replies) {
      cpu += Double.parseDouble(expect(reply, "done ").substring("done ".length()));
    }
    double wall = LearnerBenchmark.seconds(start, System.nanoTime());
    for (Process worker : workers) {
      if (worker.waitFor() != 0) {
        throw new IllegalStateException("a benchmark worker failed with exit code " + worker.exitValue());
      }
    }
    return new double[] {wall, cpu};
  }

  /** This JVM's own command line (java, its options, classpath) with the worker's arguments. */
  private List<String> workerCommand(int share) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(LearnerBenchmark.class.getName());
    command.addAll(Arrays.asList(args));
    command.add("--worker");
    command.add(Integer.toString(share));
    return command;
  }

  /** Reads a worker's output up to the line that starts with {@code word} (other lines are its logging). */
  private static String expect(BufferedReader reply, String word) throws IOException {
    String line;
    while ((line = reply.readLine()) != null) {
      if (line.startsWith(word)) {
        return line;
      }
    }
    throw new IllegalStateException("a benchmark worker ended before saying " + word);
  }

  /**
   * A worker process: warms up with one whole training (the JIT compiles while it runs, as it had in the parent
   * JVM before its own measurements), says ready, waits for go, trains its share on one pool thread, says done.
   */
  static void worker(BenchData data, MlpLearner learner, int share) throws Exception {
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      thread.submit(() -> learner.fit(data.training(), 0)).get();
      System.out.println("ready");
      System.out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine();
      long cpu = LearnerBenchmark.processCpuNanos();
      thread.submit(() -> {
        for (int i = 0; i < share; i++) {
          learner.fit(data.training(), i);
        }
      }).get();
      System.out.println("done " + (LearnerBenchmark.processCpuNanos() - cpu) / 1e9);
    } finally {
      thread.shutdown();
    }
    System.out.flush();
  }
}
