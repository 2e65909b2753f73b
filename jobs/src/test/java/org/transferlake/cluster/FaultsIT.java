package org.transferlake.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.testing.TestSpark;

/**
 * Faults while training, on the packaged jar: an executor JVM killed mid-training on a standalone cluster (while
 * successive halving scores its first rung), the driver killed in the middle of publishing a run's results, and two
 * runs started at once on one lake. Each run is compared with an undisturbed run of the same experiment on the same
 * lake (run id {@code calm}), rungs included. Every Spark process is a child process, as in production.
 *
 * <p>Not part of {@code mvn test} (the name ends in IT): {@code .ci/run} runs it after packaging, or alone:
 * {@code mvn -DskipTests package && mvn test -Dtest=FaultsIT -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class FaultsIT {
  private static final String EXPERIMENT = "cluster_tiny";

  @TempDir
  static File root;

  private static File lake() {
    return new File(root, "lake");
  }

  /** Ingest, featurize and the undisturbed run, in local mode. */
  @BeforeAll
  static void calmRun() throws Exception {
    File experiments = new File(root, "experiments");
    Files.createDirectories(experiments.toPath());
    // Halving over 3 candidates: per architecture and fold, rung 0 scores them at 3 trees on 2 inner folds, the
    // best one trains in full (9 trees: the faults, not the forest, are under test).
    Files.writeString(new File(experiments, EXPERIMENT + ".conf").toPath(), ClusterRunIT.experiment(EXPERIMENT,
        "{ name = forest, search = halving, grid { trees = 9, max-features = [0.2, 0.33, 0.5] } }", 2));
    List<String> run = new ArrayList<>(List.of("run", "--set", "transferlake.run.id=calm"));
    run.addAll(ClusterRunIT.pipelineSettings(experiments));
    Submission calm = Submission.run(root, new File(root, "calm.log"), environment(Map.of()), Duration.ofMinutes(8),
        local(), run);
    assertEquals(0, calm.code(), StandaloneCluster.tail(calm.output()));
  }

  @Test
  void anExecutorKilledMidTrainingLeavesTheMetricsOfAnUndisturbedRun() throws Exception {
    try (StandaloneCluster cluster = new StandaloneCluster(new File(root, "cluster"), 2, 1, "1536m")) {
      Submission.Running running = Submission.start(root, new File(root, "disturbed.log"),
          environment(cluster.environment()), ClusterRunIT.submitOptions(cluster.url(), new File(root, "driver-c")),
          train("disturbed"));
      awaitOutput(running, "run disturbed: rung 0: 30 candidates", Duration.ofMinutes(5));
      Thread.sleep(1500); // into the rung's training
      List<ProcessHandle> executors = cluster.executors();
      assertEquals(2, executors.size(), "both executors run");
      executors.get(0).destroyForcibly();
      Submission done = running.await(Duration.ofMinutes(8));
      assertEquals(0, done.code(), StandaloneCluster.tail(done.output()));
      assertTrue(done.output().contains("Lost executor") || done.output().contains("Removed executor"),
          "the driver saw the executor go: " + StandaloneCluster.tail(done.output()));
    }
    assertEquals(metrics("calm"), metrics("disturbed"));
    assertEquals(rungs("calm"), rungs("disturbed"));
  }

  @Test
  void aDriverKilledWhilePublishingLeavesNoVisibleRunAndTheRerunHasNoDuplicates() throws Exception {
    File metadata = new File(lake(), "warehouse/results/metrics/metadata");
    int commitsBefore = commits(metadata);
    Submission.Running running = Submission.start(root, new File(root, "cut.log"), environment(Map.of()), local(),
        train("cut"));
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (commits(metadata) == commitsBefore) { // the run's first commit to results.metrics
      assertTrue(running.process().isAlive(), "the run ended before publishing: "
          + StandaloneCluster.tail(running.output()));
      assertTrue(System.nanoTime() < deadline, "no commit to results.metrics within 5 minutes");
      Thread.sleep(20);
    }
    running.kill();
    running.process().waitFor();

    SparkSession spark = TestSpark.session();
    String lake = catalog(spark);
    assertTrue(count(spark, lake + ".results.metrics", "cut") > 0, "killed after the metrics' commit");
    assertEquals(0, count(spark, lake + ".ops.runs", "cut"), "no published run: readers of ops.runs never see it");
    assertEquals(0L, spark.sql("SELECT count(*) FROM " + lake + ".results.metrics m JOIN " + lake
        + ".ops.runs r USING (run_id) WHERE r.status = 'published' AND m.run_id = 'cut'").first().getLong(0));
    assertTrue(new File(lake(), "locks/write.lock").isFile(), "the killed driver left its lock");

    Submission again = Submission.run(root, new File(root, "cut-again.log"), environment(Map.of()),
        Duration.ofMinutes(8), local(), train("cut"));
    assertEquals(0, again.code(), StandaloneCluster.tail(again.output()));
    assertTrue(again.output().contains("no longer runs"), "took the dead driver's lock over");
    for (String table : List.of("results.metrics", "results.predictions", "results.selected", "results.rungs",
        "models.registry", "ops.runs")) {
      spark.sql("REFRESH TABLE " + lake + "." + table);
      assertEquals(count(spark, lake + "." + table, "calm"), count(spark, lake + "." + table, "cut"), table);
    }
    for (String table : List.of("ops.staged_metrics", "ops.staged_predictions", "ops.staged_rungs")) {
      spark.sql("REFRESH TABLE " + lake + "." + table);
      assertEquals(0, count(spark, lake + "." + table, "cut"), table + " cleared");
    }
    assertEquals(metrics("calm"), metrics("cut"));
  }

  @Test
  void twoRunsStartedAtOnceOnOneLakeOneRunsTheOtherIsRefusedByTheLock() throws Exception {
    Submission.Running first = Submission.start(root, new File(root, "twin-a.log"), environment(Map.of()), local(),
        train("twin-a"));
    Submission.Running second = Submission.start(root, new File(root, "twin-b.log"), environment(Map.of()), local(),
        train("twin-b"));
    Submission a = first.await(Duration.ofMinutes(8));
    Submission b = second.await(Duration.ofMinutes(8));
    List<Integer> codes = new ArrayList<>(List.of(a.code(), b.code()));
    java.util.Collections.sort(codes);
    assertEquals(List.of(0, 3), codes, "one ran, one was refused:\n" + StandaloneCluster.tail(a.output()) + "\n"
        + StandaloneCluster.tail(b.output()));
    Submission refused = a.code() == 3 ? a : b;
    String winner = a.code() == 0 ? "twin-a" : "twin-b";
    assertTrue(refused.output().contains("the lake is locked by another run (holder="), refused.output());
    SparkSession spark = TestSpark.session();
    String lake = catalog(spark);
    spark.sql("REFRESH TABLE " + lake + ".ops.runs");
    assertEquals(List.of(winner), spark.sql("SELECT run_id FROM " + lake + ".ops.runs WHERE run_id LIKE 'twin-%'")
        .as(Encoders.STRING()).collectAsList());
    assertEquals(metrics("calm"), metrics(winner));
  }

  /** Commits of a hadoop-catalog table: its {@code v<N>.metadata.json} files (manifests appear before a commit). */
  private static int commits(File metadata) {
    return metadata.list((d, name) -> name.matches("v\\d+\\.metadata\\.json")).length;
  }

  private static List<String> train(String runId) {
    List<String> command = new ArrayList<>(List.of("train", "--experiment", EXPERIMENT,
        "--set", "transferlake.run.id=" + runId));
    command.addAll(ClusterRunIT.pipelineSettings(new File(root, "experiments")));
    return command;
  }

  private static void awaitOutput(Submission.Running running, String text, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!running.output().contains(text)) {
      assertTrue(running.process().isAlive(), "ended before '" + text + "': "
          + StandaloneCluster.tail(running.output()));
      assertTrue(System.nanoTime() < deadline, "no '" + text + "' within " + timeout);
      Thread.sleep(100);
    }
  }

  private static long count(SparkSession spark, String table, String runId) {
    return spark.sql("SELECT count(*) FROM " + table + " WHERE run_id = '" + runId + "'").as(Encoders.LONG()).first();
  }

  /** A run's metrics without the columns that vary between identical runs, in unit order; 10 rows with an MAE. */
  private static List<Row> metrics(String runId) {
    SparkSession spark = TestSpark.session();
    List<Row> rows = ClusterRunIT.comparableMetrics(spark, catalog(spark), "run_id = '" + runId + "'");
    assertEquals(10, rows.size(), runId + ": 2 architectures x 5 folds, each once");
    assertFalse(rows.stream().anyMatch(r -> r.isNullAt(r.fieldIndex("mae"))));
    return rows;
  }

  /** A run's rung scores, in unit and rung order: 30 candidates at rung 0, nothing that varies between runs. */
  private static List<Row> rungs(String runId) {
    SparkSession spark = TestSpark.session();
    String table = catalog(spark) + ".results.rungs";
    spark.sql("REFRESH TABLE " + table);
    List<Row> rows = spark.sql("SELECT unit_id, rung, budget, inner_score FROM " + table + " WHERE run_id = '"
        + runId + "' ORDER BY unit_id, rung").collectAsList();
    assertEquals(30, rows.size(), runId + ": 2 architectures x 5 folds x 3 candidates at rung 0");
    return rows;
  }

  private static String catalog(SparkSession spark) {
    return ClusterRunIT.catalog(spark, "faults_lake", lake());
  }

  private static List<String> local() {
    return ClusterRunIT.localOptions(new File(root, "driver-local"));
  }

  private static Map<String, String> environment(Map<String, String> cluster) {
    return ClusterRunIT.environment(cluster, lake());
  }
}
