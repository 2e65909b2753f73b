package org.transferlake.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of {@code deploy/spark-submit.sh}: its exit code, its output, its wall time. */
public record Submission(int code, String output, double seconds) {

  /**
   * Runs the wrapper with {@code submitOptions} before {@code --} and {@code command} after it, in {@code workDir},
   * its output into {@code log}. A run past {@code timeout} is stopped (its whole process tree) and fails.
   */
  public static Submission run(File workDir, File log, Map<String, String> environment, Duration timeout,
      List<String> submitOptions, List<String> command) throws IOException, InterruptedException {
    return start(workDir, log, environment, submitOptions, command).await(timeout);
  }

  /** Starts the wrapper as {@link #run} does, without waiting. */
  public static Running start(File workDir, File log, Map<String, String> environment, List<String> submitOptions,
      List<String> command) throws IOException {
    List<String> args = new ArrayList<>(List.of("bash", Projects.submitScript().getPath()));
    args.addAll(submitOptions);
    args.add("--");
    args.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(args).directory(workDir).redirectErrorStream(true)
        .redirectOutput(log);
    builder.environment().putAll(environment);
    return new Running(builder.start(), log, command, System.nanoTime());
  }

  /** A submission under way: its process (the wrapper; the driver JVM is a descendant) and its log. */
  public record Running(Process process, File log, List<String> command, long startNanos) {
    /** What the driver has written so far. */
    public String output() throws IOException {
      return Files.readString(log.toPath(), StandardCharsets.UTF_8);
    }

    /** The driver JVM and the wrapper, killed at once (SIGKILL), as a lost node or kill -9 would. */
    public void kill() {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }

    /** Waits for the end; a run past {@code timeout} is stopped (its whole process tree) and fails. */
    public Submission await(Duration timeout) throws IOException, InterruptedException {
      try {
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
          throw new IllegalStateException("spark-submit " + command + " ran past " + timeout + ":\n"
              + StandaloneCluster.tail(output()));
        }
      } finally {
        StandaloneCluster.stopTree(process.toHandle());
      }
      return new Submission(process.exitValue(), output(), (System.nanoTime() - startNanos) / 1e9);
    }
  }
}
