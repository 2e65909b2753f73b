package org.transferlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.testing.TestPaths;

/**
 * Experiments that list presets, on a tiny lake trained once by {@code run} with transferlake.featurize.presets =
 * [fractions] only: a sweep over fractions and oliynyk, and a model on the combination fractions+oliynyk that
 * predicts candidates. The oliynyk table comes from the shared mirror.
 */
class PresetSweepCommandTest {
  private static final String SOURCE = """
      id = tiny_gaps
      title = "band gaps made up for the presets' test"
      format = csv
      files = ["tiny_gaps.csv"]
      licence = "test data"
      citation = "none"
      record { formula = formula }
      values = [
        { column = pbe, property = band_gap, fidelity = pbe, unit = eV }
        { column = expt, property = band_gap, fidelity = experiment, unit = eV }
      ]
      """;
  private static final String SWEEP = """
      name = tiny_sweep
      target = "band_gap/experiment/tiny_gaps"
      sources = [ { context = "band_gap/pbe/tiny_gaps", aggregate = median } ]
      features = [fractions, oliynyk]
      architectures = [target_only, difference]
      learners = [ { name = forest, grid { trees = [8] } } ]
      cv { folds = 3 }
      inner-folds = 2
      seed = 5
      options { source-learner { name = forest, trees = 4 } }
      """;
  private static final String COMBINED = """
      name = tiny_combined
      target = "band_gap/experiment/tiny_gaps"
      sources = [ { context = "band_gap/pbe/tiny_gaps", aggregate = median } ]
      features = "fractions+oliynyk"
      architectures = [difference]
      learners = [ { name = forest, grid { trees = [8] } } ]
      cv { folds = 3 }
      seed = 5
      options { source-learner { name = forest, trees = 4 } }
      """;

  @TempDir
  static File root;

  private static CommandRun run(String... args) {
    Map<String, String> s = Map.of("transferlake.lake.root", new File(root, "lake").getPath(),
        "transferlake.mirror.dir", new File(root, "mirror").getPath(),
        "transferlake.sources.dir", new File(root, "sources").getPath(),
        "transferlake.featurize.presets", "[fractions]",
        "transferlake.experiments.dir", new File(root, "experiments").getPath(),
        "transferlake.run.experiments", "[tiny_sweep,tiny_combined]",
        "spark.master", "local[2]");
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--profile", new File(TestPaths.project(), "conf/local.conf").getPath()));
    s.forEach((k, v) -> all.addAll(List.of("--set", k + "=" + v)));
    return CommandRun.of(all);
  }

  /** Halides and oxides measured by both fidelities, the experiment 1 eV below PBE, and some by PBE only. */
  @BeforeAll
  static void runWithOnlyFractionsInTheSettings() throws IOException {
    StringBuilder csv = new StringBuilder("formula,pbe,expt\n");
    SplittableRandom random = new SplittableRandom(3);
    for (String cation : List.of("Li", "Na", "K", "Rb", "Mg", "Ca", "Sr", "Ba")) {
      for (String anion : List.of("F", "Cl", "Br", "O")) {
        double pbe = 3 + 5 * random.nextDouble();
        csv.append(String.format(Locale.ROOT, "%s%s,%.3f,%.3f%n", cation, anion, pbe, pbe - 1));
      }
      csv.append(String.format(Locale.ROOT, "%sS,%.3f,%n", cation, 1 + random.nextDouble()));
    }
    write("mirror/tiny_gaps.csv", csv.toString());
    Files.createSymbolicLink(new File(root, "mirror/crabnet").toPath(),
        new File(TestPaths.mirror(), "crabnet").toPath().toAbsolutePath());
    write("sources/tiny_gaps.conf", SOURCE);
    write("sources/oliynyk_elements.conf", Files.readString(
        new File(TestPaths.project(), "conf/sources/oliynyk_elements.conf").toPath()));
    write("experiments/tiny_sweep.conf", SWEEP);
    write("experiments/tiny_combined.conf", COMBINED);
    CommandRun trained = run("run");
    assertEquals(0, trained.code(), trained.out() + trained.err());
    assertTrue(trained.out().contains("oliynyk"), "featurized for the experiments: " + trained.out());
  }

  private static void write(String path, String text) throws IOException {
    File file = new File(root, path);
    Files.createDirectories(file.getParentFile().toPath());
    Files.writeString(file.toPath(), text);
  }

  private static String sql(String statement) {
    CommandRun answer = run("sql", "--format", "csv", statement);
    assertEquals(0, answer.code(), answer.out() + answer.err());
    return answer.out();
  }

  @Test
  void eachPresetOfASweepIsOneMorePointInUnitIdsParamsAndTheSelection() {
    String params = sql("SELECT DISTINCT architecture, params FROM lake.results.metrics WHERE experiment ="
        + " 'tiny_sweep' ORDER BY 1, 2");
    for (String architecture : List.of("difference", "target_only")) {
      for (String preset : List.of("fractions", "oliynyk")) {
        assertTrue(params.contains(architecture + ",\"features=" + preset + ",trees=8\"")
            || params.contains(architecture + ",features=" + preset + "\\,trees=8")
            || params.contains(architecture + ",features=" + preset + ",trees=8"), params);
      }
    }
    assertEquals(2 * 2 * 3, count("SELECT count(*) FROM lake.results.metrics WHERE experiment = 'tiny_sweep'"),
        "architectures x presets x folds");
    assertEquals(3, count("SELECT count(*) FROM lake.results.metrics WHERE experiment = 'tiny_sweep' AND unit_id ="
        + " concat('difference|forest|features=oliynyk,trees=8|f', fold, '|n0|r0')"));
    assertEquals(2 * 3, count("SELECT count(*) FROM lake.results.selected WHERE experiment = 'tiny_sweep'"
        + " AND candidates = 2 AND params LIKE 'features=%'"), "inner folds choose a preset per fold");
    String registry = sql("SELECT architecture, features, selected_by FROM lake.models.registry WHERE"
        + " experiment = 'tiny_sweep' ORDER BY 1");
    assertTrue(registry.matches("(?s).*difference,(fractions|oliynyk),inner_cv.*target_only,(fractions|oliynyk),"
        + "inner_cv.*"), registry);
  }

  @Test
  void aModelOnACombinationPredictsCandidatesFeaturizedTheSameWay() throws IOException {
    assertEquals(3, count("SELECT count(*) FROM lake.results.metrics WHERE experiment = 'tiny_combined'"
        + " AND params = 'trees=8' AND unit_id LIKE 'difference|forest|trees=8|f%'"),
        "one preset: params and ids as before presets could vary");
    assertTrue(sql("SELECT features FROM lake.models.registry WHERE experiment = 'tiny_combined'")
        .contains("fractions+oliynyk"));
    write("candidates.csv", "formula\nKCl\nCsI\nNotAFormula\n");
    File out = new File(root, "scored/combined.csv");
    CommandRun predict = run("predict", "--experiment", "tiny_combined", "--input",
        new File(root, "candidates.csv").getPath(), "--out", out.getPath());
    assertEquals(0, predict.code(), predict.out() + predict.err());
    List<String> lines = Files.readAllLines(out.toPath(), StandardCharsets.UTF_8);
    assertEquals(4, lines.size(), lines.toString());
    String[] kcl = lines.get(1).split(",", -1);
    assertEquals("KCl", kcl[0]);
    double mean = Double.parseDouble(kcl[2]);
    assertTrue(mean > 1 && mean < 8, "a halide's gap, PBE's less 1 eV: " + lines.get(1));
    assertFalse(lines.get(2).split(",", -1)[2].isEmpty(), "CsI is featurized and predicted: " + lines.get(2));
    assertTrue(lines.get(2).contains("Cs;I") || lines.get(2).contains("I;Cs"), lines.get(2));
    assertTrue(lines.get(3).contains("invalid formula"), lines.get(3));
  }

  private static long count(String statement) {
    String[] lines = sql(statement).strip().split("\n");
    return Long.parseLong(lines[lines.length - 1].strip());
  }
}
