package org.transferlake.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.config.Settings;
import org.transferlake.config.SettingsException;
import org.transferlake.config.SettingsLoader;
import org.transferlake.testing.TestPaths;

/** The experiments a command will train, checked before Spark starts: a leaking source stops it there. */
class ExperimentChecksTest {
  private static final String STREHLOW = "band_gap/experiment/strehlow_cook_1973";
  private static final String GAPS = """
      name = gaps
      target = "band_gap/experiment/matbench_expt_gap"
      sources = [ { context = "band_gap/experiment/strehlow_cook_1973" } ]
      features = magpie
      architectures = [target_only, latent_variable]
      learners = [ { name = forest } ]
      """;

  @TempDir
  File dir;

  private Settings settings(String dir, String... more) {
    SettingsLoader loader = new SettingsLoader().withoutSystemProperties().set("transferlake.experiments.dir", dir)
        .set("transferlake.sources.dir", TestPaths.sourcesDir().getPath());
    for (int i = 0; i < more.length; i += 2) {
      loader.set(more[i], more[i + 1]);
    }
    return loader.load();
  }

  @Test
  void everyShippedExperimentPasses() {
    File shipped = new File(TestPaths.project(), "conf/experiments");
    List<String> names = Arrays.stream(shipped.list((d, n) -> n.endsWith(".conf")))
        .map(n -> n.substring(0, n.length() - ".conf".length())).sorted().toList();
    ExperimentChecks.verify(settings(shipped.getPath()), names);
  }

  @Test
  void anUnknownPresetStopsTheCommandNamingTheFileTheKeyAndTheKnownPresets() throws IOException {
    File file = new File(dir, "gaps.conf");
    String clean = GAPS.replace("sources = [ { context = \"" + STREHLOW + "\" } ]\n", "")
        .replace("target_only, latent_variable", "target_only");
    for (String features : List.of("[magpie, \"magpie+olinyk\"]", "[magpie, \"magpie+magpie\"]", "magpi")) {
      Files.writeString(file.toPath(), clean.replace("features = magpie", "features = " + features));
      SettingsException e = assertThrows(SettingsException.class,
          () -> ExperimentChecks.verify(settings(dir.getPath()), List.of("gaps")));
      String bad = features.startsWith("[") ? features.substring(features.indexOf('"') + 1, features.lastIndexOf('"'))
          : features;
      assertEquals(file.getPath() + ": features: unknown preset '" + bad + "'; expected one of [magpie,"
          + " magpie_no_imputation, fractions, oliynyk, mat2vec], or two or more of them joined by +"
          + " (\"magpie+oliynyk\")", e.getMessage());
    }
    Files.writeString(file.toPath(), clean.replace("features = magpie", "features = [magpie, oliynyk, magpie]"));
    assertEquals(file.getPath() + ": features: magpie is listed twice", assertThrows(SettingsException.class,
        () -> ExperimentChecks.verify(settings(dir.getPath()), List.of("gaps"))).getMessage());
    Files.writeString(file.toPath(), clean.replace("features = magpie", "features = [magpie, \"fractions+oliynyk\"]"));
    ExperimentChecks.verify(settings(dir.getPath()), List.of("gaps"));
  }

  @Test
  void aChainLinkThatNoSourceDeclaresStopsTheCommand() throws IOException {
    File file = new File(dir, "gaps.conf");
    Files.writeString(file.toPath(), GAPS.replace("\"" + STREHLOW + "\"",
        "[\"band_gap/pbe/matbench_mp_gap\", \"band_gap/pbe/oqmd\"]"));
    SettingsException e = assertThrows(SettingsException.class,
        () -> ExperimentChecks.verify(settings(dir.getPath()), List.of("gaps")));
    assertEquals(file.getPath() + ": sources[0].context[1]: band_gap/pbe/oqmd is no context of the source catalog;"
        + " nearest: band_gap/pbe/oqmd_gap, band_gap/pbe/aflow_gap, band_gap/pbe/borlido2019 (correct the id, or"
        + " declare the source in transferlake.sources.dir or the workspace's sources)", e.getMessage());
  }

  @Test
  void anExperimentalSourceOfAnExperimentalTargetStopsTheCommandUnlessTheExperimentSaysWhy() throws IOException {
    File file = new File(dir, "gaps.conf");
    Files.writeString(file.toPath(), GAPS);
    SettingsException e = assertThrows(SettingsException.class,
        () -> ExperimentChecks.verify(settings(dir.getPath()), List.of("gaps")));
    assertEquals("experiment gaps (" + file.getPath() + "): source contexts refused, so that test targets cannot leak"
        + " in through a source:\n  - " + STREHLOW + ": both are experimental band_gap values"
        + " (transferlake.lineage.experimental-fidelities): measurements of the same property can be the same"
        + " measurements, a leak; to use it anyway, allow it in the experiment: allow-experimental-sources { \""
        + STREHLOW + "\" = \"why\" }", e.getMessage());

    ExperimentChecks.verify(settings(dir.getPath(), "transferlake.lineage.experimental-fidelities", "[]"),
        List.of("gaps"));
    Files.writeString(file.toPath(), GAPS + "allow-experimental-sources { \"" + STREHLOW + "\" = \"to measure the"
        + " leak\" }\n");
    ExperimentChecks.verify(settings(dir.getPath()), List.of("gaps"));
  }
}
