package org.transferlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code transferlake suggest} on {@link TinyGapsLake}: the experimental gap's target-only model
 * ({@code tiny_target}, in meV) and the classification of metals ({@code tiny_metal}).
 */
class SuggestCommandTest {
  private static final List<String> HEADER = List.of("formula", "composition_key", "mean", "std", "unit", "clipped",
      "unseen_elements", "imputed_values", "error", "model", "acquisition", "rank", "in_batch", "chemical_system");
  private static File candidates;

  /** KCl and NaF are measured; K2S shares KS's system; PbS and CdSe carry excluded elements. */
  @BeforeAll
  static void candidates() {
    candidates = TinyGapsLake.write("suggest/candidates.csv",
        "formula\nKCl\nNaF\nKS\nK2S\nKSe\nNaS\nMgSe\nBaS\nPbS\nCdSe\nNotAFormula\n");
  }

  private static File out(String path) {
    return new File(TinyGapsLake.root(), "suggest/" + path);
  }

  @Test
  void aWindowRanksTheUnmeasuredAndKeepsTheBatchToOnePerSystem() throws IOException {
    File out = out("window/next.csv");
    CommandRun suggest = TinyGapsLake.run("suggest", "--experiment", "tiny_target", "--input", candidates.getPath(),
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
      assertEquals("tiny_target/target_only/forest@", row.get("model").substring(0, row.get("model").indexOf('@') + 1));
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
    File out = out("max/next.parquet");
    CommandRun suggest = TinyGapsLake.run("suggest", "--experiment", "tiny_target", "--input", candidates.getPath(),
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
    File out = out("lake/next.csv");
    CommandRun suggest = TinyGapsLake.run("suggest", "--experiment", "tiny_target", "--from-lake", "--goal", "min",
        "--acquisition", "lower_confidence_bound", "--kappa", "1", "--out", out.getPath());
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
    CommandRun suggest = TinyGapsLake.run("suggest", "--experiment", "tiny_metal", "--from-lake", "--goal", "max");
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
