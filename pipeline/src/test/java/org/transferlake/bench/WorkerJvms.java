package org.transferlake.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.transferlake.model.learn.Learner;
import org.transferlake.model.learn.mlp.MlpLearner;

/**
 * Two worker JVMs, each with its share of the N trainings. They start once and warm up as long as this JVM
 * did before its own measurements (one timed mlp fit), so that each round compares JIT-compiled code with
 * JIT-compiled code; then every round releases both at once and waits for the later one.
 */
final class WorkerJvms implements AutoCloseable {
  private final List<Process> workers = new ArrayList<>();
  private final List<BufferedReader> replies = new ArrayList<>();

  /** Starts both workers with this JVM's java, options and classpath plus {@code args} and waits until ready. */
  WorkerJvms(int trainings, String[] args) throws IOException {
    for (int w = 0; w < 2; w++) {
      int share = trainings / 2 + (w < trainings % 2 ? 1 : 0);
      List<String> command = new ArrayList<>();
      command.add(ProcessHandle.current().info().command().orElse("java"));
      command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), LearnerBenchmark.class.getName()));
      command.addAll(Arrays.asList(args));
      command.addAll(List.of("--worker", Integer.toString(share)));
      Process worker = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      workers.add(worker);
      replies.add(new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8)));
    }
    for (BufferedReader reply : replies) {
      expect(reply, "ready");
    }
  }

  /** Wall seconds from releasing both workers until the later one is done, and the CPU seconds both used. */
  double[] round() throws IOException {
    long start = System.nanoTime();
    for (Process worker : workers) {
      send(worker, "go");
    }
    double cpu = 0;
    for (BufferedReader reply : replies) {
      cpu += Double.parseDouble(expect(reply, "done ").substring("done ".length()));
    }
    return new double[] {LearnerBenchmark.seconds(start, System.nanoTime()), cpu};
  }

  @Override
  public void close() throws IOException, InterruptedException {
    for (Process worker : workers) {
      send(worker, "quit");
    }
    for (Process worker : workers) {
      if (worker.waitFor() != 0) {
        throw new IllegalStateException("a benchmark worker failed with exit code " + worker.exitValue());
      }
    }
  }

  private static void send(Process worker, String word) throws IOException {
    OutputStream out = worker.getOutputStream();
    out.write((word + "\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
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
   * A worker process: warms up with {@code warmUp}, says ready; on each "go" trains its share of the trainings
   * on one pool thread and says "done" with the CPU seconds used; ends on "quit".
   */
  static void serve(BenchData data, Learner warmUp, MlpLearner learner, int share) throws Exception {
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      thread.submit(() -> warmUp.fit(data.training(), 1)).get();
      System.out.println("ready");
      System.out.flush();
      BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
      while ("go".equals(commands.readLine())) {
        long cpu = LearnerBenchmark.processCpuNanos();
        thread.submit(() -> {
          for (int i = 0; i < share; i++) {
            learner.fit(data.training(), i);
          }
        }).get();
        System.out.println("done " + (LearnerBenchmark.processCpuNanos() - cpu) / 1e9);
        System.out.flush();
      }
    } finally {
      thread.shutdown();
    }
  }
}
