package org.transferlake.cluster;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone master and workers on 127.0.0.1, each its own JVM, run from the Spark jars the build lists in
 * {@code jobs/target/spark-classpath.txt} (no Spark distribution: a {@code sparkhome/jars} of links to them lets
 * the workers launch executors). Closing it stops every process it started, executors included.
 */
public final class StandaloneCluster implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final File dir;
  private final List<String> sparkClasspath;
  private final List<Process> processes = new ArrayList<>();
  private final int masterPort;

  /**
   * Starts the master and {@code workers} workers of {@code cores} cores and {@code memory} (e.g. {@code 1536m})
   * each, and waits until every worker has registered.
   */
  public StandaloneCluster(File dir, int workers, int cores, String memory) throws IOException, InterruptedException {
    this.dir = dir;
    this.sparkClasspath = Files.readAllLines(Projects.sparkClasspathFile().toPath()).stream()
        .flatMap(line -> List.of(line.split(File.pathSeparator)).stream()).filter(s -> !s.isBlank()).toList();
    linkSparkHome();
    masterPort = freePort();
    try {
      Process master = start("master", List.of("-Dspark.master.rest.enabled=false"),
          "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", Integer.toString(masterPort),
          "--webui-port", Integer.toString(freePort()));
      awaitLog(master, "master", "I have been elected leader");
      for (int w = 0; w < workers; w++) {
        File workDir = new File(dir, "worker-" + w);
        Files.createDirectories(workDir.toPath());
        Process worker = start("worker-" + w, List.of(), "org.apache.spark.deploy.worker.Worker", url(),
            "--host", "127.0.0.1", "--cores", Integer.toString(cores), "--memory", memory,
            "--work-dir", workDir.getPath(), "--webui-port", Integer.toString(freePort()));
        awaitLog(worker, "worker-" + w, "Successfully registered with master");
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** {@code spark://127.0.0.1:<port>}. */
  public String url() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /** The executor JVMs the workers launched and that still run. */
  public List<ProcessHandle> executors() {
    return processes.stream().flatMap(p -> p.descendants())
        .filter(h -> h.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend")).toList();
  }

  /** The environment a Spark process here needs: loopback only, scratch under the cluster's directory. */
  public Map<String, String> environment() {
    return Map.of("SPARK_HOME", new File(dir, "sparkhome").getPath(), "SPARK_SCALA_VERSION", "2.13",
        "SPARK_LOCAL_IP", "127.0.0.1", "SPARK_LOCAL_DIRS", new File(dir, "local").getPath(),
        "JAVA_HOME", Projects.javaHome(), "OMP_NUM_THREADS", "1");
  }

  private Process start(String name, List<String> jvmOptions, String mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Projects.java(), "-Xmx256m"));
    command.addAll(Projects.opens());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", String.join(File.pathSeparator, sparkClasspath), mainClass));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(new File(dir, name + ".log"));
    builder.environment().putAll(environment());
    Process p = builder.start();
    processes.add(p);
    return p;
  }

  /** Waits until the process's log holds {@code line}; fails with the log's tail if it dies or takes too long. */
  private void awaitLog(Process p, String name, String line) throws IOException, InterruptedException {
    Path log = new File(dir, name + ".log").toPath();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
      if (text.contains(line)) {
        return;
      }
      if (!p.isAlive()) {
        throw new IllegalStateException(name + " exited with " + p.exitValue() + ":\n" + tail(text));
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(name + " did not log '" + line + "' within " + START_TIMEOUT + ":\n"
        + tail(Files.readString(log, StandardCharsets.UTF_8)));
  }

  private void linkSparkHome() throws IOException {
    Path jars = new File(dir, "sparkhome/jars").toPath();
    Files.createDirectories(jars);
    for (String jar : sparkClasspath) {
      Path target = Path.of(jar);
      Path link = jars.resolve(target.getFileName());
      if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(link, target);
      }
    }
  }

  /** Stops the workers (and the executors they launched), then the master: polite first, then forcibly. */
  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      stopTree(processes.get(i).toHandle());
    }
    processes.clear();
  }

  /** Stops a process and every descendant, waiting up to 10 s before killing what is left. */
  public static void stopTree(ProcessHandle root) {
    List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
    all.add(root);
    all.forEach(ProcessHandle::destroy);
    for (ProcessHandle h : all) {
      try {
        h.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        h.destroyForcibly();
      }
    }
  }

  static String tail(String text) {
    return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
