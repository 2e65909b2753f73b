package org.transferlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.testing.TestPaths;

/**
 * {@code transferlake suggest} on a tiny lake trained once by {@code run}: gaps in meV, halides and oxides measured
 * by experiment and PBE, sulfides and selenides by PBE only; a regression model of the experimental gap and a
 * classification model of metals.
 */
class SuggestCommandTest {
  private static final String SOURCE = """
      id = tiny_gaps
      title = "band gaps in meV, made up for suggest's test"
      format = csv
      files = ["tiny_gaps.csv"]
      licence = "test data"
      citation = "none"
      record { formula = formula }
      values = [
        { column = pbe_mev, property = band_gap, fidelity = pbe, unit = meV }
        { column = expt_mev, property = band_gap, fidelity = experiment, unit = meV }
        { column = metal, property = is_metal, fidelity = experiment, labels { "1" = metal, "0" = non_metal } }
      ]
      """;
  private static final String EXPERIMENT = """
      name = tiny
      target = "band_gap/experiment/tiny_gaps"
      sources = []
      features = fractions
      architectures = [target_only]
      learners = [ { name = forest, grid { trees = [8] } } ]
      cv { folds = 3 }
      seed = 5
      """;
  private static final String LABEL_EXPERIMENT = """
      name = tiny_metal
      target = "is_metal/experiment/tiny_gaps"
      sources = []
      features = fractions
      architectures = [target_only]
      learners = [ { name = forest, grid { trees = [4] } } ]
      cv { folds = 3 }
      seed = 5
      """;
  private static final List<String> HEADER = List.of("formula", "composition_key", "mean", "std", "unit", "clipped",
      "unseen_elements", "imputed_values", "error", "model", "acquisition", "rank", "in_batch", "chemical_system");
  private static final List<String> CATIONS = List.of("Li", "Na", "K", "Rb", "Cs", "Mg", "Ca", "Sr", "Ba");

  @TempDir
  static File root;

  private static List<String> settings() {
    Map<String, String> s = Map.of("transferlake.lake.root", new File(root, "lake").getPath(),
        "transferlake.mirror.dir", new File(root, "mirror").getPath(),
        "transferlake.sources.dir", new File(root, "sources").getPath(),
        "transferlake.featurize.presets", "[fractions]",
        "transferlake.experiments.dir", new File(root, "experiments").getPath(),
        "transferlake.run.experiments", "[tiny,tiny_metal]",
        "spark.master", "local[2]");
    List<String> out = new ArrayList<>(List.of("--profile",
        new File(TestPaths.project(), "conf/local.conf").getPath()));
    s.forEach((k, v) -> out.addAll(List.of("--set", k + "=" + v)));
    return out;
  }

  private static CommandRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(settings());
    return CommandRun.of(all);
  }

  @BeforeAll
  static void train() throws IOException {
    StringBuilder csv = new StringBuilder("formula,pbe_mev,expt_mev,metal\n");
    SplittableRandom random = new SplittableRandom(11);
    for (String cation : CATIONS) {
      for (String anion : List.of("F", "Cl", "Br", "O")) {
        double pbe = 3500 + 4500 * random.nextDouble();
        csv.append(String.format(Locale.ROOT, "%s%s,%.1f,%.1f,0%n", cation, anion, pbe,
            pbe - 3000 + 50 * random.nextDouble()));
      }
      for (String anion : List.of("S", "Se")) {
        double pbe = 300 + 1700 * random.nextDouble();
        csv.append(String.format(Locale.ROOT, "%s%s,%.1f,,%d%n", cation, anion, pbe, pbe < 1000 ? 1 : 0));
      }
    }
    write("mirror/tiny_gaps.csv", csv.toString());
    write("sources/tiny_gaps.conf", SOURCE);
    write("experiments/tiny.conf", EXPERIMENT);
    write("experiments/tiny_metal.conf", LABEL_EXPERIMENT);
    CommandRun trained = run("run");
    assertEquals(0, trained.code(), trained.out() + trained.err());
    // KCl and NaF are measured; K2S shares KS's system; PbS and CdSe carry excluded elements
    write("candidates.csv", "formula\nKCl\nNaF\nKS\nK2S\nKSe\nNaS\nMgSe\nBaS\nPbS\nCdSe\nNotAFormula\n");
  }

  private static void write(String path, String text) throws IOException {
    File file = new File(root, path);
    Files.createDirectories(file.getParentFile().toPath());
    Files.writeString(file.toPath(), text);
  }

  @Test
  void aWindowRanksTheUnmeasuredAndKeepsTheBatchToOnePerSystem() throws IOException {
    File out = new File(root, "window/next.csv");
    CommandRun suggest = run("suggest", "--experiment", "tiny", "--input", new File(root, "candidates.csv").getPath(),
        "--goal", "window:1000,3000", "--batch", "3", "--exclude-elements", "Pb,Cd", "--out", out.getPath());
    assertEquals(0, suggest.code(), suggest.out() + suggest.err());
    assertTrue(suggest.out().contains("goal window:1000,3000, ranked by probability_in_window"), suggest.out());
    assertTrue(suggest.out().contains("candidates: 11; 2 left out as measured (a value of"
        + " band_gap/experiment/tiny_gaps in the lake; --no-exclude-measured keeps them); 2 left out for Pb, Cd;"
        + " 1 not scored"), suggest.out());
    assertTrue(suggest.out().contains("batch: 3 of 3 asked, at most 1 per chemical system"), suggest.out());

    List<Map<String, String>> rows = rows(out);
    assertEquals(HEADER, new ArrayList<>(rows.get(0).keySet()));
    assertEquals(List.of("KS", "K2S", "KSe", "NaS", "MgSe", "BaS", "NotAFormula").stream().sorted().toList(),
        rows.stream().map(r -> r.get("formula")).sorted().toList(), "measured and excluded rows left out");
    Set<String> systems = new HashSet<>();
    double lastOutside = Double.POSITIVE_INFINITY;
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      if (row.get("formula").equals("NotAFormula")) {
        assertEquals(rows.size() - 1, i, "unscored rows last");
        assertEquals("", row.get("rank"));
        assertEquals("false", row.get("in_batch"));
        continue;
      }
      assertEquals(String.valueOf(i + 1), row.get("rank"), "rows in rank order: " + row);
      assertEquals("meV", row.get("unit"));
      assertEquals("tiny/target_only/forest@", row.get("model").substring(0, row.get("model").indexOf('@') + 1));
      double p = Double.parseDouble(row.get("acquisition"));
      assertTrue(p >= 0 && p <= 1, "a probability: " + row);
      if (i < 3) {
        assertEquals("true", row.get("in_batch"), row.toString());
        assertTrue(systems.add(row.get("chemical_system")), "one per system: " + rows);
      } else {
        assertEquals("false", row.get("in_batch"), row.toString());
        assertTrue(p <= lastOutside, "after the batch, by value: " + rows);
        lastOutside = p;
      }
    }
    assertFalse(rows.stream().filter(r -> r.get("in_batch").equals("true")).map(r -> r.get("formula")).toList()
        .containsAll(List.of("KS", "K2S")), "KS and K2S are one system");
  }

  @Test
  void measuredCompositionsCanBeKeptAndAMaxGoalUsesExpectedImprovementOverTheBestMeasured() throws IOException {
    File out = new File(root, "max/next.parquet");
    CommandRun suggest = run("suggest", "--experiment", "tiny", "--input", new File(root, "candidates.csv").getPath(),
        "--goal", "max", "--no-exclude-measured", "--no-diversity", "--batch", "2", "--out", out.getPath());
    assertEquals(0, suggest.code(), suggest.out() + suggest.err());
    assertTrue(suggest.out().contains("ranked by expected_improvement toward max (best so far"), suggest.out());
    assertTrue(suggest.out().contains("(the best of 36 measured values of band_gap/experiment/tiny_gaps)"),
        suggest.out());
    assertTrue(suggest.out().contains("candidates: 11; 1 not scored"), suggest.out());
    assertTrue(suggest.out().contains("straight down the ranking"), suggest.out());
    assertTrue(out.isFile(), "one Parquet file");
  }

  @Test
  void fromTheLakeTheCandidatesAreTheCompositionsWithoutATargetValue() throws IOException {
    File out = new File(root, "lake/next.csv");
    CommandRun suggest = run("suggest", "--experiment", "tiny", "--from-lake", "--goal", "min", "--acquisition",
        "lower_confidence_bound", "--kappa", "1", "--out", out.getPath());
    assertEquals(0, suggest.code(), suggest.out() + suggest.err());
    assertTrue(suggest.out().contains("candidates: 18 (every composition in the lake without a value of"
        + " band_gap/experiment/tiny_gaps)"), suggest.out());
    List<Map<String, String>> rows = rows(out);
    assertEquals(18, rows.size());
    for (Map<String, String> row : rows) {
      List<String> elements = List.of(row.get("chemical_system").split("-"));
      assertTrue(elements.contains("S") || elements.contains("Se"), "a sulfide or selenide: " + row);
      double mean = Double.parseDouble(row.get("mean"));
      double std = Double.parseDouble(row.get("std"));
      assertEquals(-(mean - std), Double.parseDouble(row.get("acquisition")), 1e-6 * (1 + Math.abs(mean)),
          "−(mean − 1·std): " + row);
    }
    assertEquals(10, rows.stream().filter(r -> r.get("in_batch").equals("true")).count(), "9 cations, 2 anions");
  }

  @Test
  void aClassificationModelIsRefused() {
    CommandRun suggest = run("suggest", "--experiment", "tiny_metal", "--from-lake", "--goal", "max");
    assertEquals(2, suggest.code(), suggest.out() + suggest.err());
    assertTrue(suggest.err().contains("predicts is_metal/experiment/tiny_gaps, a label: suggest ranks candidates of"
        + " a numeric target only"), suggest.err());
  }

  @Test
  void aBadGoalOrFunctionIsRefusedBeforeSparkStarts() {
    CommandRun goal = CommandRun.of(List.of("suggest", "--experiment", "tiny", "--from-lake", "--goal", "maximum"));
    assertEquals(2, goal.code(), goal.err());
    assertTrue(goal.err().contains("suggest --goal: goal 'maximum': expected window:LO,HI"), goal.err());
    CommandRun pair = CommandRun.of(List.of("suggest", "--experiment", "tiny", "--from-lake", "--goal",
        "window:1.1,1.7", "--acquisition", "expected_improvement"));
    assertEquals(2, pair.code(), pair.err());
    assertTrue(pair.err().contains("suggest --acquisition: acquisition expected_improvement does not apply to goal"
        + " window:1.1,1.7: for a window use one of probability_in_window, max_uncertainty, mean"), pair.err());
    CommandRun element = CommandRun.of(List.of("suggest", "--experiment", "tiny", "--from-lake", "--goal", "max",
        "--exclude-elements", "Pb,Xx"));
    assertEquals(2, element.code(), element.err());
    assertTrue(element.err().contains("suggest --exclude-elements: excluded element 'Xx'"), element.err());
  }

  /** The rows of a CSV file with a header (no quoted commas in these). */
  private static List<Map<String, String>> rows(File csv) throws IOException {
    List<String> lines = Files.readAllLines(csv.toPath(), StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split(",", -1));
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      Map<String, String> row = new java.util.LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), cells[i]);
      }
      rows.add(row);
    }
    return rows;
  }
}
