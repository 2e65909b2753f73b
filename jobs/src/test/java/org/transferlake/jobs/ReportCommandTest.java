package org.transferlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.config.Settings;
import org.transferlake.config.SettingsLoader;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeSessions;
import org.transferlake.testing.ResultRows;
import org.transferlake.testing.TestPaths;

/** {@code transferlake report} as a user runs it, on hand-made result rows in a temporary lake. */
class ReportCommandTest {
  @TempDir
  File root;

  private List<String> common() {
    return List.of("--profile", new File(TestPaths.project(), "conf/local.conf").getPath(),
        "--set", "transferlake.lake.root=" + new File(root, "lake").getPath(),
        "--set", "transferlake.report.published=" + new File(TestPaths.project(), "conf/report/published.conf"),
        "--set", "transferlake.report.derived=" + new File(TestPaths.project(), "conf/report/derived.conf"),
        "--set", "spark.master=local[2]");
  }

  /** The command, the test's settings, then {@code args}: a --set among them wins over the test's. */
  private CommandRun run(String command, String... args) {
    List<String> all = new ArrayList<>(List.of(command));
    all.addAll(common());
    all.addAll(List.of(args));
    return CommandRun.of(all);
  }

  @Test
  void writesTheReportOfTheLatestPublishedRuns() throws Exception {
    Settings settings = new SettingsLoader().profile(new File(TestPaths.project(), "conf/local.conf"))
        .set(Map.of("transferlake.lake.root", new File(root, "lake").getPath(), "spark.master", "local[2]")).load();
    // the command's session: LakeSessions.create gets this one back (same settings) and stops it at the end
    SparkSession spark = LakeSessions.create(settings, "report test rows");
    ResultRows.write(Lake.open(spark, settings.lakeCatalog()));

    File out = new File(root, "out");
    CommandRun report = run("report", "--out", out.getPath());
    assertEquals(0, report.code(), report.out() + report.err());
    assertTrue(report.out().contains("run run-new (tiny)") && report.out().contains("run run-metal (tiny_metal)"),
        report.out());
    assertTrue(report.out().contains("wrote " + new File(out, "report.html")), report.out());
    assertTrue(report.out().contains("wrote " + new File(out, "report.md")), report.out());
    assertTrue(report.out().contains("tiny-run-new-scores.png"), report.out());
    String html = Files.readString(new File(out, "report.html").toPath());
    assertTrue(html.contains("0.4000 ± 0.1000") && html.contains("data:image/png;base64,"));
    assertTrue(spark.sparkContext().isStopped(), "the command closed its session");
  }

  @Test
  void anUnreadablePublishedFiguresFileStopsBeforeSparkNamingTheKey() {
    CommandRun run = run("report", "--set", "transferlake.report.published=" + new File(root, "absent.conf"));
    assertEquals(2, run.code(), run.out() + run.err());
    assertTrue(run.err().contains("transferlake.report.published = \"" + new File(root, "absent.conf")
        + "\": no such file"), run.err());
  }
}
