package org.transferlake.train.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.config.PropertyCatalog;
import org.transferlake.config.SettingsException;
import org.transferlake.config.SettingsLoader;

/** A new experiment file written from the schema: every key with its meaning, read as train reads it. */
class ExperimentScaffoldTest {
  private static final PropertyCatalog PROPERTIES = new SettingsLoader().withoutSystemProperties().load().properties();
  private static final String TARGET = "band_gap/lab/lab_gaps";
  private static final String MP = "band_gap/pbe/matbench_mp_gap";

  @TempDir
  File dir;

  private ExperimentScaffold.Result write(String name, String target, String... sources) {
    return ExperimentScaffold.write(new ExperimentScaffold.Request(name, target, List.of(sources), "magpie"), dir,
        PROPERTIES);
  }

  private String refusal(String name, String target, String... sources) {
    return assertThrows(SettingsException.class, () -> write(name, target, sources)).getMessage();
  }

  @Test
  void oneSourceIsReadyToTrainWithEveryKeyAndItsMeaning() throws IOException {
    ExperimentScaffold.Result r = write("lab_gap", TARGET, MP);
    assertEquals(new File(dir, "lab_gap.conf"), r.file());
    assertEquals(List.of("target_only", "source_only", "difference", "latent_variable"), r.architectures());
    ExperimentDefinition d = ExperimentCatalog.read(r.file());
    assertEquals(TARGET, d.target().id());
    assertEquals(MP, d.sources().get(0).id());
    assertEquals(r.architectures(), d.architectures());
    assertEquals("forest", d.learners().get(0).name());
    assertEquals(Map.of("trees", List.of("100")), d.learners().get(0).grid());
    assertEquals(List.of(5, 42L, 1, List.of(0), "forest"), List.of(d.folds(), d.seed(), d.repeats(),
        d.learningCurve(), d.sourceLearner()), "the schema's defaults");

    String text = Files.readString(r.file().toPath());
    List<String> lines = text.lines().map(String::strip).toList();
    for (ExperimentSchema.Key key : ExperimentSchema.keys()) {
      if (key.path().startsWith("campaign.")) {
        continue; // an absent block is one commented line, "# campaign { ... }"; its keys are in the README
      }
      String leaf = key.path().substring(key.path().lastIndexOf('.') + 1).replace("[]", "");
      assertTrue(lines.stream().anyMatch(l -> l.startsWith(leaf + " =") || l.startsWith(leaf + " {")
          || l.startsWith("# " + leaf + " =") || l.startsWith("# " + leaf + " {")), key.path() + " is in the file:\n"
          + text);
      assertTrue(lines.contains("# " + key.meaning() + (key.fallback() == null ? ""
          : " (default: " + ExperimentText.value(key.fallback()) + ")")), key.path() + "'s meaning:\n" + text);
    }
    assertTrue(lines.contains("# fold-table = \"\""), "a key without a default or a value stays commented:\n" + text);
    assertTrue(text.contains("options {\n  # "), "nested as the schema nests it:\n" + text);
  }

  @Test
  void severalSourcesOrALabelTargetLeaveDifferenceOut() {
    // what each architecture declares it needs: difference one source and a numeric target, source_only a
    // numeric target
    assertEquals(List.of("target_only", "source_only", "latent_variable"),
        write("two", TARGET, MP, "band_gap/pbe/mp2019_gap").architectures());
    assertEquals(List.of("target_only", "latent_variable"),
        write("metal", "is_metal/lab/lab_metals", MP).architectures());
    assertEquals(List.of("target_only", "source_only", "difference", "latent_variable"),
        write("one", TARGET, MP).architectures());
    assertEquals(2, ExperimentCatalog.read(new File(dir, "two.conf")).sources().size());
    assertEquals("is_metal", ExperimentCatalog.read(new File(dir, "metal.conf")).target().property());
  }

  @Test
  void badRequestsAreRefusedAndNothingIsOverwritten() {
    write("lab_gap", TARGET, MP);
    assertTrue(refusal("lab_gap", TARGET, MP).endsWith("lab_gap.conf exists and is not overwritten: choose another"
        + " name, or remove it"));
    assertEquals("experiment name 'Lab-Gap': not lower snake case (a letter, then a-z, 0-9, _)",
        refusal("Lab-Gap", TARGET, MP));
    assertEquals("--target band_gap/lab: not a context: expected property/fidelity/source_id, each lower snake case"
        + " (band_gap/pbe/matbench_mp_gap)", refusal("a", "band_gap/lab", MP));
    assertTrue(refusal("a", TARGET, "band_gap/PBE/mp").startsWith("--source band_gap/PBE/mp: not a context"));
    assertTrue(refusal("a", "gap/lab/x", MP).startsWith("--target gap/lab/x: property 'gap' is not declared"));
    assertTrue(refusal("a", TARGET, "is_metal/pbe/matbench_mp_is_metal").contains(": a label property; sources are"
        + " numeric"));
    assertEquals("--source " + TARGET + ": the target cannot also be a source", refusal("a", TARGET, TARGET));
    assertEquals("--source " + MP + ": given twice", refusal("a", TARGET, MP, MP));
    assertEquals(List.of("lab_gap.conf"), List.of(dir.list()));
  }
}
