package org.transferlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.config.Workspace;
import org.transferlake.testing.TestPaths;
import org.transferlake.train.experiment.ExperimentCatalog;

/** {@code source add} and {@code experiment new}: a workspace's own files, written without Spark. */
class ScaffoldCommandTest {
  @TempDir
  File tmp;

  /** The command in the workspace {@code dir} ("" for none). */
  private static CommandRun run(String dir, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--profile", new File(TestPaths.project(), "conf/local.conf").getPath(),
        "--set", "transferlake.workspace.dir=" + dir,
        "--set", "transferlake.sources.dir=" + TestPaths.sourcesDir().getPath()));
    return CommandRun.of(all);
  }

  @Test
  void aLabsCsvBecomesASourceAndAnExperimentReadyToTrain() throws IOException {
    Workspace w = Workspace.create(new File(tmp, "lab"));
    File data = new File(w.dataDir(), "gaps.csv");
    Files.writeString(data.toPath(), "sample,formula,Eg (meV),T (K)\ns1,GaAs,1420,300\n");
    CommandRun add = run(w.dir().getPath(), "source", "add", data.getPath(), "--property", "band_gap",
        "--fidelity", "lab");
    assertEquals(0, add.code(), add.out() + add.err());
    assertTrue(add.out().startsWith("wrote " + new File(w.sourcesDir(), "gaps.conf") + " (source gaps, csv, files = "
        + "[\"../data/gaps.csv\"])\n"), add.out());
    for (String line : List.of("  formula  'formula'                (its name)",
        "  id       'sample'                 (its name)",
        "  value    'Eg (meV)'               (its name mentions band_gap) as band_gap/lab/gaps",
        "  unit     meV                      (the column name)", "not mapped: 'T (K)'",
        "next: bin/transferlake ingest --source gaps")) {
      assertTrue(add.out().contains(line), line + " in\n" + add.out());
    }

    CommandRun created = run(w.dir().getPath(), "experiment", "new", "lab_gap", "--target", "band_gap/lab/gaps",
        "--source", "band_gap/pbe/matbench_mp_gap");
    assertEquals(0, created.code(), created.out() + created.err());
    File file = new File(w.experimentsDir(), "lab_gap.conf");
    assertTrue(created.out().startsWith("wrote " + file + ": target band_gap/lab/gaps, sources"
        + " band_gap/pbe/matbench_mp_gap, architectures target_only, source_only, difference, latent_variable"),
        created.out());
    assertEquals(List.of("magpie"), ExperimentCatalog.read(file).features());

    CommandRun again = run(w.dir().getPath(), "experiment", "new", "lab_gap", "--target", "band_gap/lab/gaps",
        "--source", "band_gap/pbe/matbench_mp_gap");
    assertEquals(2, again.code(), again.err());
    assertTrue(again.err().contains("exists and is not overwritten"), again.err());
  }

  @Test
  void withoutAWorkspaceBothStopWithExitCode2NamingInit() throws IOException {
    File data = new File(tmp, "gaps.csv");
    Files.writeString(data.toPath(), "formula,gap\nSi,1.1\n");
    for (CommandRun r : List.of(
        run("", "source", "add", data.getPath(), "--property", "band_gap", "--fidelity", "lab"),
        run("", "experiment", "new", "x", "--target", "band_gap/lab/gaps", "--source", "band_gap/pbe/mp2019_gap"))) {
      assertEquals(2, r.code(), r.out() + r.err());
      assertTrue(r.err().startsWith("transferlake: no workspace: ") && r.err().contains("bin/transferlake init DIR"),
          r.err());
    }
  }

  @Test
  void badInputStopsWithExitCode2NamingTheFileAndWhatToPass() throws IOException {
    Workspace w = Workspace.create(new File(tmp, "lab"));
    File data = new File(w.dataDir(), "two.csv");
    Files.writeString(data.toPath(), "formula,gap_pbe,gap_hse\nSi,0.6,1.1\n");
    CommandRun two = run(w.dir().getPath(), "source", "add", data.getPath(), "--property", "band_gap",
        "--fidelity", "lab");
    assertEquals(2, two.code(), two.err());
    assertEquals("transferlake: " + data + ": several columns could hold band_gap: 'gap_pbe', 'gap_hse'; pass"
        + " --value-column NAME with one of them", two.err().strip());
    CommandRun chosen = run(w.dir().getPath(), "source", "add", data.getPath(), "--property", "band_gap",
        "--fidelity", "hse06", "--value-column", "gap_hse", "--id", "lab_hse");
    assertEquals(0, chosen.code(), chosen.err());
    assertTrue(chosen.out().contains("(--value-column) as band_gap/hse06/lab_hse"), chosen.out());

    CommandRun badName = run(w.dir().getPath(), "experiment", "new", "Lab", "--target", "band_gap/lab/gaps",
        "--source", "band_gap/pbe/mp2019_gap");
    assertEquals(2, badName.code());
    CommandRun badContext = run(w.dir().getPath(), "experiment", "new", "lab", "--target", "band_gap/lab",
        "--source", "band_gap/pbe/mp2019_gap");
    assertEquals(2, badContext.code());
    assertTrue(badContext.err().contains("--target band_gap/lab: not a context"), badContext.err());
    CommandRun badPreset = run(w.dir().getPath(), "experiment", "new", "lab", "--target", "band_gap/lab/gaps",
        "--source", "band_gap/pbe/mp2019_gap", "--features", "magpi");
    assertEquals(2, badPreset.code());
    assertTrue(badPreset.err().contains("--features magpi: unknown preset"), badPreset.err());
    assertFalse(new File(w.experimentsDir(), "lab.conf").exists());
  }
}
