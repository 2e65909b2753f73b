package org.transferlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.testing.TestPaths;

/**
 * The commands that only read the lake, run where there is none: they stop with exit code 2, say where they looked
 * and which setting points there, and leave nothing behind. A master Spark cannot parse shows that Spark never
 * started.
 */
class MissingLakeTest {
  @TempDir
  File tmp;

  private CommandRun run(List<String> command, String... settings) {
    List<String> all = new ArrayList<>(command);
    all.addAll(List.of("--profile", new File(TestPaths.project(), "conf/local.conf").getPath(),
        "--set", "transferlake.experiments.dir=" + new File(TestPaths.project(), "conf/experiments").getPath(),
        "--set", "spark.master=no-spark"));
    for (String s : settings) {
      all.addAll(List.of("--set", s));
    }
    return CommandRun.of(all);
  }

  @Test
  void reportPredictAndATrainDryRunRefuseAMissingLakeAndCreateNothing() {
    File lake = new File(tmp, "lake");
    for (List<String> command : List.of(List.of("report", "--out", new File(tmp, "report").getPath()),
        List.of("predict", "--experiment", "expt_gap_quick", "--query", "SELECT 'GaAs' AS formula"),
        List.of("train", "--experiment", "expt_gap_quick", "--dry-run"))) {
      CommandRun run = run(command, "transferlake.lake.root=" + lake.getPath());
      String name = String.join(" ", command.subList(0, 1)) + (command.contains("--dry-run") ? " --dry-run" : "");
      assertEquals(2, run.code(), command + ": " + run.out() + run.err());
      assertTrue(run.err().startsWith("transferlake: " + name + ": no lake at " + lake.getAbsolutePath() + " (no"
          + " warehouse/curated there; transferlake.lake.root = \""
          + lake.getPath() + "\", set in --set transferlake.lake.root). 'bin/transferlake ingest' or"
          + " 'bin/transferlake run' creates one; to read another lake, --set transferlake.lake.root=DIR or run"
          + " inside the workspace that holds it"), command + ": " + run.err());
      assertFalse(lake.exists(), command + " created " + lake);
      assertFalse(new File(tmp, "report").exists(), command + " wrote a report");
    }
  }

  @Test
  void aWorkspaceWithoutItsLakeYetIsNamed() {
    File dir = new File(tmp, "lab");
    CommandRun init = CommandRun.of(List.of("init", dir.getPath()));
    assertEquals(0, init.code(), init.err());
    CommandRun run = run(List.of("report", "--out", new File(tmp, "report").getPath()),
        "transferlake.workspace.dir=" + dir.getPath());
    assertEquals(2, run.code(), run.out() + run.err());
    File lake = new File(dir, "lake");
    assertTrue(run.err().startsWith("transferlake: report: no lake at " + lake + ", the lake of workspace " + dir
        + " (no warehouse/curated there; transferlake.lake.root = \"" + lake
        + "\", set in workspace " + dir + ")"), run.err());
    assertFalse(lake.exists(), "the workspace's lake was created");
  }
}
