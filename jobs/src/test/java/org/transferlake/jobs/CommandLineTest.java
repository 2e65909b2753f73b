package org.transferlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.lake.LakeLocation;
import org.transferlake.lake.LakeLock;
import org.transferlake.pipeline.PipelineSession;
import org.transferlake.testing.TestPaths;

/** bin/transferlake's commands as a user runs them, in this JVM, against a lake in a temporary directory. */
class CommandLineTest {
  @TempDir
  File lake;

  /** What a command printed and its exit code. */
  private CommandRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (!List.of(args).contains("--help")) {
      all.addAll(List.of("--profile", new File(TestPaths.project(), "conf/local.conf").getPath(),
          "--set", "transferlake.lake.root=" + lake.getPath(),
          "--set", "transferlake.sources.dir=" + TestPaths.sourcesDir().getPath(),
          "--set", "spark.master=local[2]"));
      if (all.stream().noneMatch(a -> a.startsWith("transferlake.mirror.dir"))) {
        all.addAll(List.of("--set", "transferlake.mirror.dir=" + TestPaths.mirror().getPath()));
      }
    }
    return CommandRun.of(all);
  }

  @Test
  void ingestThenQueryTheLakeWithSql() {
    CommandRun ingest = run("ingest", "--source", "matbench_expt_gap,magpie_elements");
    assertEquals(0, ingest.code(), ingest.out() + ingest.err());
    assertTrue(ingest.out().matches("(?s).*matbench_expt_gap\\s+ok\\s+4604\\s+4604\\s+0\\s+4604.*"), ingest.out());
    assertTrue(ingest.out().matches("(?s).*magpie_elements\\s+ok\\s+112\\s+112\\s+0.*"), ingest.out());

    CommandRun sql = run("sql", "SELECT property, fidelity, source_id, count(*) AS n FROM lake.curated.observations"
        + " GROUP BY 1, 2, 3", "--format", "csv");
    assertEquals(0, sql.code(), sql.err());
    assertTrue(sql.out().contains("band_gap,experiment,matbench_expt_gap,4604"), sql.out());

    CommandRun again = run("ingest", "--source", "matbench_expt_gap");
    assertTrue(again.out().matches("(?s).*matbench_expt_gap\\s+unchanged.*"), again.out());
  }

  @Test
  void aFailedSourceGivesExitCodeOneAndSaysWhy() {
    CommandRun run = run("ingest", "--source", "matbench_expt_gap", "--set", "transferlake.mirror.dir=" + lake.getPath());
    assertEquals(1, run.code());
    assertTrue(run.out().contains("FAILED matbench_expt_gap: file not found"), run.out());
  }

  @Test
  void sqlWritesEveryRowToACsvFileOrAParquetDirectory() throws Exception {
    CommandRun noLake = run("sql", "SELECT 1");
    assertEquals(2, noLake.code(), "a reader does not create a lake: " + noLake.out());
    assertTrue(noLake.err().contains("sql: no lake at ") && noLake.err().contains("transferlake.lake.root"),
        noLake.err());
    assertTrue(!new File(lake, "warehouse").exists(), "nothing created");
    assertEquals(0, run("sql", "--write", "CREATE NAMESPACE IF NOT EXISTS lake.scratch").code(), "a writer creates it");
    File csv = new File(lake, "out.csv");
    CommandRun toCsv = run("sql", "SELECT id, concat('x,', id) AS label FROM range(3)", "--format", "csv", "--out",
        csv.getPath());
    assertEquals(0, toCsv.code(), toCsv.out() + toCsv.err());
    assertEquals("id,label\n0,\"x,0\"\n1,\"x,1\"\n2,\"x,2\"\n", java.nio.file.Files.readString(csv.toPath()));
    File parquet = new File(lake, "out.parquet");
    CommandRun toParquet = run("sql", "SELECT id FROM range(250)", "--format", "parquet", "--out", parquet.getPath());
    assertEquals(0, toParquet.code(), toParquet.err());
    assertTrue(toParquet.out().contains("wrote 250 rows to " + parquet.getAbsolutePath()), toParquet.out());
    assertTrue(parquet.isDirectory() && new File(parquet, "_SUCCESS").isFile());
    CommandRun noOut = run("sql", "SELECT 1", "--format", "parquet");
    assertEquals(2, noOut.code());
    assertTrue(noOut.err().contains("sql --format parquet: needs --out DIR"), noOut.err());
  }

  @Test
  void sqlIsReadOnlyUnlessAsked() {
    CommandRun written = run("sql", "--write", "CREATE TABLE lake.scratch.t (a INT)");
    assertEquals(0, written.code(), written.err());
    assertTrue(new File(lake, "warehouse/scratch/t").isDirectory());
    for (String statement : List.of("DROP TABLE lake.curated.observations",
        "WITH t AS (SELECT 1 AS a) INSERT INTO lake.curated.observations SELECT * FROM t",
        "/* a comment first */ DELETE FROM lake.curated.observations")) {
      CommandRun run = run("sql", statement);
      assertEquals(2, run.code(), statement);
      assertTrue(run.err().contains("add --write to allow statements that change the lake"), run.err());
    }
  }

  @Test
  void aCommandThatWritesIsRefusedWhileAnotherHoldsTheLakeButReadersGoOn() throws Exception {
    assertEquals(0, run("sql", "--write", "CREATE NAMESPACE IF NOT EXISTS lake.scratch").code(), "the lake");
    try (LakeLock held = LakeLock.acquire(LakeLocation.of(lake.getPath()).root(), PipelineSession.WRITE_LOCK,
        new Configuration())) {
      for (List<String> writer : List.of(List.of("ingest", "--source", "matbench_expt_gap"),
          List.of("featurize"), List.of("sql", "--write", "CREATE TABLE lake.scratch.t (a INT)"))) {
        CommandRun refused = run(writer.toArray(new String[0]));
        assertEquals(Main.LOCKED, refused.code(), writer + ": " + refused.out() + refused.err());
        assertTrue(refused.err().contains("the lake is locked by another run (holder="), refused.err());
        assertTrue(refused.err().contains(held.path().toString()), refused.err());
      }
      CommandRun reader = run("sql", "SELECT 1 AS one", "--format", "csv");
      assertEquals(0, reader.code(), reader.err());
      assertTrue(!new File(lake, "warehouse/scratch/t").exists(), "no table written");
    }
  }

  @Test
  void aBadSettingStopsBeforeAnyWorkNamingTheKey() {
    CommandRun run = run("ingest", "--set", "transferlake.lake.rot=/tmp/x");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("transferlake.lake.rot"), run.err());
    assertTrue(run.err().contains("did you mean transferlake.lake.root?"), run.err());
    assertTrue(lake.list().length == 0, "nothing was written");
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : List.of("ingest", "sql", "run")) {
      CommandRun help = run(command, "--help");
      assertEquals(0, help.code(), command);
      assertTrue(help.out().contains("--set=KEY=VALUE"), command + ": " + help.out());
    }
  }
}
