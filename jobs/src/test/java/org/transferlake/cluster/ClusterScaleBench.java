package org.transferlake.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.transferlake.testing.TestPaths;
import org.transferlake.testing.TestSpark;

/**
 * The cluster scale benchmark ({@code bench/cluster/run.sh}; a benchmark, not a test: it runs only when named): the
 * same training sweep submitted to a standalone cluster of one one-core worker, then of two, on one lake prepared in
 * local mode first. Prints each run's wall time, its units phase, the training time inside the units, the speedup
 * and the fraction of wall time spent outside training. Settings (system properties): bench.trees (40),
 * bench.workers (1,2), bench.out (bench/cluster/target).
 */
class ClusterScaleBench {
  private static final Pattern UNITS_DONE = Pattern.compile("all units done in ([0-9.]+)s");

  /** One submission's figures. */
  private record Figures(int workers, double wall, double unitsPhase, double trainingSeconds, long units,
      long executors) {
    /** Share of the wall time not spent training units: Spark and JVM start, data, source models, I/O, waits. */
    double outsideTraining() {
      return 1 - trainingSeconds / workers / wall;
    }
  }

  @Test
  void sweepOnOneWorkerThenTwo() throws Exception {
    int trees = Integer.getInteger("bench.trees", 40);
    List<Integer> workerCounts = Arrays.stream(System.getProperty("bench.workers", "1,2").split(","))
        .map(String::trim).map(Integer::valueOf).toList();
    File out = new File(System.getProperty("bench.out",
        new File(TestPaths.project(), "bench/cluster/target").getPath())).getAbsoluteFile();
    deleteTree(out);
    File experiments = new File(out, "experiments");
    Files.createDirectories(experiments.toPath());
    Files.writeString(new File(experiments, "cluster_sweep.conf").toPath(), ClusterRunIT.experiment("cluster_sweep",
        "trees = [%d], max-features = [0.2, 0.33, 0.5], min-leaf = [1, 3]".formatted(trees)));
    File lake = new File(out, "lake");
    String load = Files.readString(Path.of("/proc/loadavg")).trim();

    List<String> prepare = new ArrayList<>(List.of("run"));
    prepare.addAll(settings(experiments));
    prepare.addAll(List.of("--set", "transferlake.run.experiments=[]"));
    Submission prepared = Submission.run(out, new File(out, "prepare.log"), ClusterRunIT.environment(Map.of(), lake),
        Duration.ofMinutes(15), ClusterRunIT.localOptions(new File(out, "driver-local")), prepare);
    assertEquals(0, prepared.code(), StandaloneCluster.tail(prepared.output()));
    System.out.printf(Locale.ROOT, "prepared the lake (ingest, featurize) in local mode: %.1f s%n",
        prepared.seconds());

    Map<Integer, Double> wall = new LinkedHashMap<>();
    Map<Integer, Double> unitsPhase = new LinkedHashMap<>();
    for (int workers : workerCounts) {
      try (StandaloneCluster cluster = new StandaloneCluster(new File(out, "cluster-" + workers), workers, 1,
          "1536m")) {
        List<String> train = new ArrayList<>(List.of("train", "--experiment", "cluster_sweep",
            "--set", "transferlake.run.id=scale-" + workers));
        train.addAll(settings(experiments));
        Submission s = Submission.run(out, new File(out, "train-" + workers + ".log"),
            ClusterRunIT.environment(cluster.environment(), lake), Duration.ofMinutes(60),
            ClusterRunIT.submitOptions(cluster.url(), new File(out, "driver-" + workers)), train);
        assertEquals(0, s.code(), StandaloneCluster.tail(s.output()));
        Matcher m = UNITS_DONE.matcher(s.output());
        if (!m.find()) {
          throw new IllegalStateException("no 'all units done' line: " + StandaloneCluster.tail(s.output()));
        }
        wall.put(workers, s.seconds());
        unitsPhase.put(workers, Double.parseDouble(m.group(1)));
      }
    }

    SparkSession spark = TestSpark.session();
    String catalog = ClusterRunIT.catalog(spark, "bench_lake", lake);
    List<Figures> figures = new ArrayList<>();
    Map<Integer, List<Row>> metrics = new HashMap<>();
    for (int workers : workerCounts) {
      String run = "'scale-" + workers + "'";
      Row r = spark.sql("SELECT sum(fit_seconds + predict_seconds), count(*), count(DISTINCT executor_id)"
          + " FROM " + catalog + ".results.metrics WHERE run_id = " + run).first();
      figures.add(new Figures(workers, wall.get(workers), unitsPhase.get(workers), r.getDouble(0), r.getLong(1),
          r.getLong(2)));
      metrics.put(workers, ClusterRunIT.comparableMetrics(spark, catalog, "run_id = " + run));
    }
    boolean identical = metrics.values().stream().distinct().count() == 1;
    String table = table(figures, trees, load, identical);
    System.out.println(table);
    Files.writeString(new File(out, "results.md").toPath(), table);
    assertEquals(true, identical, "every worker count gives the same metrics");
  }

  private static String table(List<Figures> figures, int trees, String loadBefore, boolean identical)
      throws Exception {
    StringBuilder sb = new StringBuilder();
    Figures first = figures.get(0);
    sb.append(String.format(Locale.ROOT, "cluster_sweep: %d units (2 architectures x 6 forest settings of %d trees"
        + " x 5 folds), matbench_expt_gap from MP PBE; one-core workers of 1536m; %d cores; load average %s before,"
        + " %s after; metrics identical across runs: %s%n%n", first.units(), trees,
        Runtime.getRuntime().availableProcessors(), loadBefore, Files.readString(Path.of("/proc/loadavg")).trim(),
        identical ? "yes" : "NO"));
    sb.append("| workers | executors used | wall (s) | units phase (s) | training in units (core-s) | speedup, wall"
        + " | speedup, units phase | outside training |\n|---|---|---|---|---|---|---|---|\n");
    for (Figures f : figures) {
      sb.append(String.format(Locale.ROOT, "| %d | %d | %.1f | %.1f | %.1f | %.2fx | %.2fx | %.0f%% |%n", f.workers(),
          f.executors(), f.wall(), f.unitsPhase(), f.trainingSeconds(), first.wall() / f.wall(),
          first.unitsPhase() / f.unitsPhase(), 100 * f.outsideTraining()));
    }
    return sb.toString();
  }

  private static List<String> settings(File experiments) {
    List<String> out = new ArrayList<>(ClusterRunIT.pipelineSettings(experiments));
    out.addAll(List.of("--set", "transferlake.run.experiments=[cluster_sweep]"));
    return out;
  }

  private static void deleteTree(File dir) throws Exception {
    if (dir.exists()) {
      try (var paths = Files.walk(dir.toPath())) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
