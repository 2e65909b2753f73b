package org.transferlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
}
