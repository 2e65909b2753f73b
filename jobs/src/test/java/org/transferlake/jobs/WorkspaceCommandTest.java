package org.transferlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.config.Settings;
import org.transferlake.config.SettingsLoader;
import org.transferlake.lake.LakeSessions;
import org.transferlake.testing.TestPaths;

/** A lab's own data in a workspace outside the checkout: init, a source of their own, ingest, query. */
class WorkspaceCommandTest {
  @TempDir
  File tmp;

  private CommandRun run(File workspace, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--profile", new File(TestPaths.project(), "conf/local.conf").getPath(),
        "--set", "transferlake.workspace.dir=" + workspace.getPath(),
        "--set", "transferlake.sources.dir=" + TestPaths.sourcesDir().getPath(),
        "--set", "transferlake.mirror.dir=" + TestPaths.mirror().getPath(), "--set", "spark.master=local[2]"));
    return CommandRun.of(all);
  }

  @Test
  void aWorkspaceSourceBesideTheShippedCatalogIsIngestedIntoTheWorkspacesLake() throws IOException {
    File dir = new File(tmp, "lab");
    CommandRun init = CommandRun.of(List.of("init", dir.getPath()));
    assertEquals(0, init.code(), init.err());
    assertTrue(init.out().contains("sources/"), init.out());
    // the file lives outside sources/, named relative to the definition ('..' is allowed in a workspace)
    Files.writeString(new File(dir, "data/gaps.csv").toPath(), "sample,formula,Eg\ns1,GaAs,1.42\ns2,Si,1.12\n"
        + "s3,ZnO,3.37\n");
    Files.writeString(new File(dir, "sources/lab_gaps.conf").toPath(), """
        id = lab_gaps
        format = csv
        files = ["../data/gaps.csv"]
        record { formula = formula, id = sample }
        values = [ { column = Eg, property = band_gap, fidelity = lab, unit = eV } ]
        """);
    CommandRun ingest = run(dir, "ingest", "--source", "lab_gaps,matbench_expt_gap");
    assertEquals(0, ingest.code(), ingest.out() + ingest.err());
    assertTrue(ingest.out().matches("(?s).*lab_gaps\\s+ok\\s+3\\s+3\\s+0\\s+3.*"), ingest.out());
    assertTrue(new File(dir, "lake/warehouse").isDirectory(), "the lake lives in the workspace");

    CommandRun sql = run(dir, "sql", "SELECT s.source_id, s.licence, count(*) AS n FROM lake.curated.observations o"
        + " JOIN lake.curated.sources s USING (source_id) GROUP BY 1, 2 ORDER BY 1", "--format", "csv");
    assertEquals(0, sql.code(), sql.err());
    assertTrue(sql.out().contains("lab_gaps,not given,3"), sql.out());
    assertTrue(sql.out().contains("matbench_expt_gap,"), sql.out());

    // an experiment whose target has a typo: train stops before any work, naming the nearest contexts
    CommandRun scaffold = run(dir, "experiment", "new", "typo", "--target", "band_gap/lab/lab_gap", "--source",
        "band_gap/experiment/matbench_expt_gap");
    assertEquals(0, scaffold.code(), scaffold.out() + scaffold.err());
    CommandRun typo = run(dir, "train", "--experiment", "typo");
    assertEquals(2, typo.code(), typo.out() + typo.err());
    assertTrue(typo.err().contains(new File(dir, "experiments/typo.conf").getPath() + ": target = band_gap/lab/lab_gap:"
        + " no such context in lake.curated.observations; nearest: band_gap/lab/lab_gaps,"), typo.err());

    // a meV column declared as eV: most values refused as out of range, and the ingest says so with exit code 1
    Files.writeString(new File(dir, "data/gaps_mev.csv").toPath(), "formula,Eg (meV)\nGaAs,1420\nSi,1120\n"
        + "ZnO,3370\nNaCl,8.5\n");
    Files.writeString(new File(dir, "sources/lab_mev.conf").toPath(), """
        id = lab_mev
        format = csv
        files = ["../data/gaps_mev.csv"]
        record { formula = formula }
        values = [ { column = "Eg (meV)", property = band_gap, fidelity = lab, unit = eV } ]
        """);
    CommandRun wrongUnit = run(dir, "ingest", "--source", "lab_mev");
    assertEquals(1, wrongUnit.code(), wrongUnit.out() + wrongUnit.err());
    assertTrue(wrongUnit.out().contains("TOO MANY OUT OF RANGE lab_mev: 75% of its records (3 of 4) refused as out of"
        + " range, e.g. 'Eg (meV): 1120 eV is above the plausible maximum 30.0 eV for band_gap (is the unit eV right?)'."),
        wrongUnit.out());

    Files.writeString(new File(dir, "data/gaps.csv").toPath(), "sample,formula,Eg\ns1,GaAs,1.43\n");
    CommandRun again = run(dir, "ingest", "--source", "lab_gaps");
    assertTrue(again.out().matches("(?s).*lab_gaps\\s+ok\\s+1\\s+1\\s+0\\s+1.*"), "an edited file is re-ingested: "
        + again.out());
  }

  /**
   * A lab file with a NUL in a formula, an ESC sequence in a value and a right-to-left override in a label: the
   * rejections are printed escaped, and lake.curated.rejects keeps each record as it was.
   */
  @Test
  void controlCharactersInRecordsArePrintedEscapedAndKeptRawInTheLake() throws IOException {
    File dir = new File(tmp, "odd");
    assertEquals(0, CommandRun.of(List.of("init", dir.getPath())).code());
    String nul = "s2,Fe\u0000O,1.0,0";
    String esc = "s3,ZnO,3.37\u001b[31m,0";
    String bidi = "s4,Si,1.12,\u202e1";
    Files.writeString(new File(dir, "data/odd.csv").toPath(), String.join("\n", "sample,formula,Eg,metal",
        "s1,GaAs,1.42,0", nul, esc, bidi) + "\n");
    Files.writeString(new File(dir, "sources/lab_odd.conf").toPath(), """
        id = lab_odd
        format = csv
        files = ["../data/odd.csv"]
        record { formula = formula, id = sample }
        values = [
          { column = Eg, property = band_gap, fidelity = lab, unit = eV }
          { column = metal, property = is_metal, fidelity = lab, labels { "1" = metal, "0" = non_metal } }
        ]
        """);

    CommandRun ingest = run(dir, "ingest", "--source", "lab_odd");
    assertEquals(0, ingest.code(), ingest.out() + ingest.err());
    String printed = ingest.out() + ingest.err();
    assertTrue(ingest.out().matches("(?s).*lab_odd\\s+ok\\s+4\\s+3\\s+1\\s.*"), ingest.out());
    assertTrue(ingest.out().contains("formula 'Fe\\u0000O': control character U+0000"), ingest.out());
    assertTrue(ingest.out().contains("'3.37\\u001b[31m' is not a number"), ingest.out());
    assertTrue(ingest.out().contains("'\\u202e1' is not a known value for is_metal"), ingest.out());
    for (char raw : new char[] {'\u0000', '\u001b', '\u202e'}) {
      assertFalse(printed.indexOf(raw) >= 0, "no raw U+" + Integer.toHexString(raw) + " printed: " + printed);
    }

    Settings settings = new SettingsLoader().withoutSystemProperties().set(Map.of("transferlake.lake.root",
        new File(dir, "lake").getPath(), "spark.master", "local[1]")).load();
    SparkSession spark = LakeSessions.create(settings, "rejects as stored");
    try {
      assertEquals(List.of(nul, esc, bidi), spark.sql("SELECT raw_record FROM lake.curated.rejects"
          + " WHERE source_id = 'lab_odd' ORDER BY record_number").as(Encoders.STRING()).collectAsList());
    } finally {
      spark.stop();
    }
  }
}
