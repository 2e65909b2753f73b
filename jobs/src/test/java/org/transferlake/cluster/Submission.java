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
    List<String> args = new ArrayList<>(List.of("bash", Projects.submitScript().getPath()));
    args.addAll(submitOptions);
    args.add("--");
    args.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(args).directory(workDir).redirectErrorStream(true)
        .redirectOutput(log);
    builder.environment().putAll(environment);
    long start = System.nanoTime();
    Process p = builder.start();
    try {
      if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException("spark-submit " + command + " ran past " + timeout + ":\n"
            + StandaloneCluster.tail(Files.readString(log.toPath(), StandardCharsets.UTF_8)));
      }
    } finally {
      StandaloneCluster.stopTree(p.toHandle());
    }
    return new Submission(p.exitValue(), Files.readString(log.toPath(), StandardCharsets.UTF_8),
        (System.nanoTime() - start) / 1e9);
  }
}
