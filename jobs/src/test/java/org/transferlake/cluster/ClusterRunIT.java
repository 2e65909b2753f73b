package org.transferlake.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.jobs.Main;
import org.transferlake.lake.LakeLocation;
import org.transferlake.lake.LakeTable;
import org.transferlake.testing.TestPaths;
import org.transferlake.testing.TestSpark;

/**
 * The application jar on a real multi-process cluster: a standalone master and two one-core workers on 127.0.0.1,
 * {@code deploy/spark-submit.sh} running a small pipeline (ingest, featurize, train, report) in client mode. The
 * work units must have run on both executors, with the metrics of the same pipeline in local mode.
 *
 * <p>Not part of {@code mvn test} (about 5 minutes on 2 busy cores; the name ends in IT): {@code .ci/run} runs it
 * after packaging, or alone: {@code mvn -DskipTests package && mvn test -Dtest=ClusterRunIT
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ClusterRunIT {
  /** A small experiment for the multi-process tests and the cluster benchmark; {@code grid} is the forest's. */
  static String experiment(String name, String grid) {
    return experiment(name, "{ name = forest, grid { " + grid + " } }", 0);
  }

  /** @param learner one entry of {@code learners}, braces included */
  static String experiment(String name, String learner, int innerFolds) {
    return """
        name = %s
        description = "a small sweep for multi-process tests and the cluster benchmark"
        target = "band_gap/experiment/matbench_expt_gap"
        sources = [ { context = "band_gap/pbe/matbench_mp_gap", aggregate = median } ]
        features = magpie
        architectures = [target_only, latent_variable]
        learners = [ %s ]
        cv { fold-table = "matbench_expt_gap_folds.csv" }
        inner-folds = %d
        learning-curve = [all]
        seed = 7
        options {
          use-measured = true
          source-learner { name = forest, trees = 5, max-features = 0.2, max-depth = 12, min-leaf = 5 }
        }
        """.formatted(name, learner, innerFolds);
  }

  static final List<String> SOURCES = List.of("magpie_elements", "matbench_expt_gap", "matbench_mp_gap");
  /** Columns that may differ between identical runs. */
  private static final Set<String> VARYING = Set.of("run_id", "fit_seconds", "predict_seconds", "executor_id");

  @TempDir
  File root;

  @Test
  void aSmallPipelineRunsOnBothExecutorsWithTheMetricsOfLocalMode() throws Exception {
    File experiments = new File(root, "experiments");
    Files.createDirectories(experiments.toPath());
    Files.writeString(new File(experiments, "cluster_tiny.conf").toPath(), experiment("cluster_tiny",
        "trees = [10], max-features = [0.33]"));
    File localLake = new File(root, "lake-local");
    File clusterLake = new File(root, "lake-cluster");

    List<String> local = new ArrayList<>(List.of("run", "--profile",
        new File(TestPaths.project(), "conf/local.conf").getPath(), "--set", "spark.master=local[2]",
        "--set", "transferlake.lake.root=" + localLake.getPath(),
        "--set", "transferlake.mirror.dir=" + TestPaths.mirror().getPath()));
    local.addAll(pipelineSettings(experiments));
    long t0 = System.nanoTime();
    assertEquals(0, Main.execute(local.toArray(new String[0])), "the local run");
    System.out.printf("local run: %.1f s%n", (System.nanoTime() - t0) / 1e9);

    t0 = System.nanoTime();
    try (StandaloneCluster cluster = new StandaloneCluster(new File(root, "cluster"), 2, 1, "1536m")) {
      System.out.printf("cluster started: %.1f s%n", (System.nanoTime() - t0) / 1e9);
      Map<String, String> env = environment(cluster.environment(), clusterLake);
      List<String> submit = submitOptions(cluster.url(), new File(root, "driver-local"));
      List<String> run = new ArrayList<>(List.of("run"));
      run.addAll(pipelineSettings(experiments));
      Submission pipeline = Submission.run(root, new File(root, "run.log"), env, Duration.ofMinutes(8), submit, run);
      assertEquals(0, pipeline.code(), StandaloneCluster.tail(pipeline.output()));
      System.out.printf("cluster run: %.1f s%n", pipeline.seconds());
      File reportDir = new File(root, "report");
      Submission report = Submission.run(root, new File(root, "report.log"), env, Duration.ofMinutes(4), submit,
          List.of("report", "--out", reportDir.getPath(), "--set", "transferlake.report.published="
              + new File(TestPaths.project(), "conf/report/published.conf").getPath()));
      assertEquals(0, report.code(), StandaloneCluster.tail(report.output()));
      assertTrue(new File(reportDir, "report.html").isFile() && new File(reportDir, "report.md").isFile());
      assertTrue(report.output().contains("run ") && report.output().contains("(cluster_tiny)"),
          StandaloneCluster.tail(report.output()));
    }

    SparkSession spark = TestSpark.session();
    String clusterCatalog = catalog(spark, "cluster_lake", clusterLake);
    String localCatalog = catalog(spark, "local_lake", localLake);
    String clusterMetrics = clusterCatalog + ".results.metrics";
    String localMetrics = localCatalog + ".results.metrics";
    Set<String> executors = new TreeSet<>(spark.sql("SELECT DISTINCT executor_id FROM " + clusterMetrics)
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    assertEquals(Set.of("0", "1"), executors, "units ran on both executors");
    assertEquals(List.of("driver"), spark.sql("SELECT DISTINCT executor_id FROM " + localMetrics)
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());

    List<Row> onCluster = comparableMetrics(spark, clusterCatalog, "true");
    List<Row> inLocalMode = comparableMetrics(spark, localCatalog, "true");
    assertEquals(10, onCluster.size(), "2 architectures x 5 folds");
    assertEquals(inLocalMode, onCluster);
    assertFalse(onCluster.stream().anyMatch(r -> r.isNullAt(r.fieldIndex("mae"))));
  }

  /** What both runs share: the sources, the experiment, where fold tables are. */
  static List<String> pipelineSettings(File experiments) {
    return List.of("--set", "transferlake.sources.dir=" + TestPaths.sourcesDir().getPath(),
        "--set", "transferlake.sources.only=[" + String.join(",", SOURCES) + "]",
        "--set", "transferlake.featurize.presets=[magpie]",
        "--set", "transferlake.experiments.dir=" + experiments.getPath(),
        "--set", "transferlake.experiments.reference-dir=" + new File(TestPaths.shared(), "reference").getPath(),
        "--set", "transferlake.run.experiments=[cluster_tiny]");
  }

  /** spark-submit options for a client-mode driver on this machine, executors of one core and 1 GB. */
  static List<String> submitOptions(String master, File driverLocal) {
    return List.of("--master", master, "--conf", "spark.ui.enabled=false",
        "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
        "--conf", "spark.local.dir=" + driverLocal.getPath(), "--conf", "spark.sql.shuffle.partitions=4",
        "--conf", "spark.executor.cores=1", "--conf", "spark.executor.memory=1g",
        "--conf", "spark.executor.memoryOverhead=256m");
  }

  /** spark-submit options for a client-mode driver in local mode, on two cores. */
  static List<String> localOptions(File driverLocal) {
    return List.of("--master", "local[2]", "--conf", "spark.ui.enabled=false",
        "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
        "--conf", "spark.local.dir=" + driverLocal.getPath(), "--conf", "spark.sql.shuffle.partitions=4");
  }

  /** The environment of a submission: a cluster's (or none), the lake, the mirror, the driver's heap. */
  static Map<String, String> environment(Map<String, String> cluster, File lake) {
    Map<String, String> env = new HashMap<>(cluster);
    env.put("TRANSFERLAKE_LAKE_ROOT", lake.getPath());
    env.put("TRANSFERLAKE_MIRROR", TestPaths.mirror().getPath());
    env.put("TRANSFERLAKE_DRIVER_MEMORY", "2g");
    env.put("TRANSFERLAKE_DJL_CACHE", new File(TestPaths.project(), "pipeline/target/djl-cache").getPath());
    env.put("OMP_NUM_THREADS", "1");
    return env;
  }

  /**
   * The rows of {@code <catalog>.results.metrics} that match {@code where}, without the columns that vary between
   * identical runs, in unit order.
   */
  static List<Row> comparableMetrics(SparkSession spark, String catalog, String where) {
    String table = catalog + ".results.metrics";
    spark.sql("REFRESH TABLE " + table);
    String columns = String.join(", ", Arrays.stream(LakeTable.METRICS.schema().fieldNames())
        .filter(c -> !VARYING.contains(c)).toList());
    return spark.sql("SELECT " + columns + " FROM " + table + " WHERE " + where + " ORDER BY unit_id").collectAsList();
  }

  /** Registers a hadoop catalog over a lake's warehouse in the test session; returns its name. */
  static String catalog(SparkSession spark, String name, File lake) {
    spark.conf().set("spark.sql.catalog." + name, "org.apache.iceberg.spark.SparkCatalog");
    spark.conf().set("spark.sql.catalog." + name + ".type", "hadoop");
    spark.conf().set("spark.sql.catalog." + name + ".warehouse", LakeLocation.of(lake.getPath()).warehouse());
    return name;
  }
}
