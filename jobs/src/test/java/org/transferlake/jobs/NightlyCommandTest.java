package org.transferlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.config.Settings;
import org.transferlake.config.SettingsLoader;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeLocation;
import org.transferlake.lake.LakeLock;
import org.transferlake.lake.LakeSessions;
import org.transferlake.pipeline.PipelineSession;
import org.transferlake.testing.TestPaths;

/** {@code transferlake nightly} on a small lake (matbench_expt_gap, target_only), as cron would run it. */
class NightlyCommandTest {
  private static final String EXPERIMENT = """
      name = nightly_tiny
      description = "the nightly command's test"
      target = "band_gap/experiment/matbench_expt_gap"
      sources = []
      features = magpie
      architectures = [target_only]
      learners = [ { name = forest, grid { %s } } ]
      cv { fold-table = "matbench_expt_gap_folds.csv" }
      inner-folds = 0
      learning-curve = [all]
      seed = 3
      """;
  private static final String RUN_20 = "nightly-2026-11-20-nightly_tiny";
  private static final String RUN_21 = "nightly-2026-11-21-nightly_tiny";

  @TempDir
  File root;

  private File lakeDir() {
    return new File(root, "lake");
  }

  private Map<String, String> settings() {
    return Map.of("transferlake.lake.root", lakeDir().getPath(),
        "transferlake.mirror.dir", TestPaths.mirror().getPath(),
        "transferlake.sources.dir", TestPaths.sourcesDir().getPath(),
        "transferlake.sources.only", "[magpie_elements,matbench_expt_gap]",
        "transferlake.featurize.presets", "[magpie]",
        "transferlake.experiments.dir", new File(root, "experiments").getPath(),
        "transferlake.experiments.reference-dir", new File(TestPaths.shared(), "reference").getPath(),
        "transferlake.run.experiments", "[nightly_tiny]",
        "spark.master", "local[2]");
  }

  private CommandRun nightly(String... args) {
    List<String> all = new ArrayList<>(List.of("nightly", "--profile",
        new File(TestPaths.project(), "conf/local.conf").getPath()));
    settings().forEach((k, v) -> all.addAll(List.of("--set", k + "=" + v)));
    all.addAll(List.of(args));
    return CommandRun.of(all);
  }

  private void experiment(String grid) throws Exception {
    Files.createDirectories(new File(root, "experiments").toPath());
    Files.writeString(new File(root, "experiments/nightly_tiny.conf").toPath(), EXPERIMENT.formatted(grid));
  }

  @Test
  void comparesWithThePreviousNightReplacesAReRunAndDeletesOldRuns() throws Exception {
    experiment("trees = [10], max-features = [0.33]");
    CommandRun first = nightly("--date", "2026-11-20");
    assertEquals(0, first.code(), first.out() + first.err());
    assertTrue(first.out().contains("no earlier published run of nightly_tiny to compare with"), first.out());

    experiment("trees = [2], max-depth = [2]"); // two stumps of depth 2 instead of ten full trees: clearly worse
    CommandRun second = nightly("--date", "2026-11-21");
    assertEquals(NightlyCommand.ALERT, second.code(), second.out() + second.err());
    assertTrue(second.out().contains("ingest") && second.out().matches("(?s).*matbench_expt_gap\\s+unchanged.*"),
        second.out());
    assertTrue(second.out().contains("ALERT " + RUN_21 + ": nightly_tiny target_only/forest mae "), second.out());

    // the same date again, now keeping only the newest run: it replaces the 21st and deletes the 20th
    CommandRun again = nightly("--date", "2026-11-21", "--set", "transferlake.nightly.retention.keep-last=1",
        "--set", "transferlake.nightly.retention.keep-days=0");
    assertEquals(NightlyCommand.ALERT, again.code(), again.out() + again.err());
    assertTrue(again.out().contains("retention nightly_tiny: deleted runs " + RUN_20), again.out());
    assertTrue(again.out().matches("(?s).*maintenance: 1[0-9] tables.*"), again.out());

    Settings settings = new SettingsLoader().withoutSystemProperties().set(settings()).load();
    SparkSession spark = LakeSessions.create(settings, "nightly test assertions");
    try {
      Lake lake = Lake.open(spark, "lake");
      assertEquals(List.of(RUN_21), strings(spark, "SELECT run_id FROM lake.ops.runs"));
      assertEquals(List.of(RUN_21 + " 5"), strings(spark,
          "SELECT concat(run_id, ' ', count(*)) FROM lake.results.metrics GROUP BY run_id"));
      assertEquals(List.of("mae worse " + RUN_20, "r2 worse " + RUN_20, "rmse worse " + RUN_20), strings(spark,
          "SELECT concat(metric, ' ', verdict, ' ', previous_run_id) FROM lake.ops.run_comparisons"
              + " WHERE run_id = '" + RUN_21 + "' ORDER BY metric"));
      assertEquals(List.of(), strings(spark, "SELECT run_id FROM lake.models.registry WHERE run_id = '" + RUN_20
          + "'"));
      assertFalse(new File(lakeDir(), "artifacts/models/nightly_tiny/" + RUN_20).exists());
      assertTrue(new File(lakeDir(), "artifacts/models/nightly_tiny/" + RUN_21).isDirectory());
      assertTrue(lake.read(org.transferlake.lake.LakeTable.RUN_COMPARISONS).count() == 3);
    } finally {
      spark.stop();
    }
  }

  @Test
  void aSecondRunIsRefusedNamingTheHolderWhileTheLockIsHeld() throws Exception {
    experiment("trees = [2]");
    try (LakeLock held = LakeLock.acquire(LakeLocation.of(lakeDir().getPath()).root(), PipelineSession.WRITE_LOCK,
        new Configuration())) {
      CommandRun refused = nightly("--date", "2026-11-20");
      assertEquals(Main.LOCKED, refused.code(), refused.out() + refused.err());
      assertTrue(refused.err().contains("the lake is locked by another run (holder=" + System.getProperty("user.name")
          + "@"), refused.err());
      assertTrue(refused.err().contains("pid=" + ProcessHandle.current().pid() + ", started_at=20"), refused.err());
      assertTrue(refused.err().contains(held.path().toString()), refused.err());
      assertFalse(refused.out().contains("== train"), refused.out());
    }
    assertFalse(new File(lakeDir(), "locks/write.lock").exists(), "released");
  }

  private static List<String> strings(SparkSession spark, String sql) {
    return spark.sql(sql).as(Encoders.STRING()).collectAsList();
  }
}
