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
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.transferlake.testing.TestPaths;

/**
 * {@code transferlake predict --out FILE} as a scientist runs it, on {@link TinyGapsLake}: its {@code difference}
 * model ({@code tiny}) predicts negative gaps for compositions with a small PBE gap, which the output clips to 0.
 */
class PredictCommandTest {
  private static final List<String> REGRESSION_HEADER = List.of("formula", "composition_key", "mean", "std", "unit",
      "clipped", "unseen_elements", "imputed_values", "error", "model");

  private static File candidates;

  @BeforeAll
  static void candidates() {
    candidates = TinyGapsLake.write("predict/candidates.csv", "formula\nKCl\nKS\nGaAs\nNotAFormula\n");
  }

  private static File out(String path) {
    return new File(TinyGapsLake.root(), "predict/" + path);
  }

  private static CommandRun run(String... args) {
    return TinyGapsLake.run(args);
  }

  private static void write(String path, String text) {
    TinyGapsLake.write("predict/" + path, text);
  }

  private static CommandRun predict(String out) {
    return predict("tiny", out);
  }

  private static CommandRun predict(String experiment, String out) {
    return run("predict", "--experiment", experiment, "--input", candidates.getPath(),
        "--out", out);
  }

  @Test
  void aCsvPathIsOneCsvFileInTheDeclaredUnitWithNoGapBelowZero() throws IOException {
    File dir = out("csv");
    File out = new File(dir, "scored.csv");
    Files.createDirectories(dir.toPath());
    Files.writeString(out.toPath(), "an older file, replaced\n");

    CommandRun predict = predict(out.getPath());
    assertEquals(0, predict.code(), predict.out() + predict.err());
    assertTrue(predict.out().contains("values in meV (band_gap/experiment/tiny_gaps)"), predict.out());
    assertEquals(List.of("scored.csv"), List.of(dir.list()), "one file, nothing beside it");

    List<String> lines = Files.readAllLines(out.toPath(), StandardCharsets.UTF_8);
    assertEquals(REGRESSION_HEADER, fields(lines.get(0)));
    assertEquals(5, lines.size(), "a header and every input row, in the input's order: " + lines);
    Map<String, Map<String, String>> rows = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> values = fields(line);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < REGRESSION_HEADER.size(); i++) {
        row.put(REGRESSION_HEADER.get(i), values.get(i));
      }
      rows.put(row.get("formula"), row);
      if (!row.get("mean").isEmpty()) {
        assertTrue(Double.parseDouble(row.get("mean")) >= 0, "no band gap below zero: " + line);
        assertEquals("meV", row.get("unit"), line);
      }
    }
    assertEquals("KCl,KS,GaAs,NotAFormula", String.join(",", lines.subList(1, lines.size()).stream()
        .map(l -> fields(l).get(0)).toList()));

    Map<String, String> halide = rows.get("KCl");
    double mean = Double.parseDouble(halide.get("mean"));
    assertTrue(mean > 400 && mean < 5100, "KCl's measured PBE gap less 3 eV, in meV: " + halide);
    assertTrue(Double.parseDouble(halide.get("std")) >= 0, halide.toString());
    assertEquals("false", halide.get("clipped"));
    assertEquals("", halide.get("unseen_elements"), "no array, no quotes: " + halide);

    Map<String, String> sulfide = rows.get("KS");
    assertEquals(0.0, Double.parseDouble(sulfide.get("mean")), "a PBE gap under 3 eV less 3 eV: clipped to 0");
    assertEquals("true", sulfide.get("clipped"));

    assertEquals("As;Ga", rows.get("GaAs").get("unseen_elements"));
    assertTrue(rows.get("NotAFormula").get("error").startsWith("invalid formula"), rows.get("NotAFormula").toString());
    assertEquals("", rows.get("NotAFormula").get("mean"));
  }

  @Test
  void aParquetPathIsOneReadableParquetFile() throws IOException {
    File dir = out("parquet");
    File out = new File(dir, "scored.parquet");
    CommandRun predict = predict(out.getPath());
    assertEquals(0, predict.code(), predict.out() + predict.err());
    assertEquals(List.of("scored.parquet"), List.of(dir.list()), "one file, nothing beside it");
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
        new org.apache.hadoop.fs.Path(out.toURI()), new Configuration()))) {
      assertEquals(4, reader.getRecordCount());
      assertEquals(REGRESSION_HEADER, reader.getFooter().getFileMetaData().getSchema().getFields().stream()
          .map(Type::getName).toList());
    }
  }

  @Test
  void aLabelTargetGivesTheClassAndItsProbabilitiesWithoutAMean() throws IOException {
    File out = out("metal/scored.csv");
    CommandRun predict = predict("tiny_metal", out.getPath());
    assertEquals(0, predict.code(), predict.out() + predict.err());
    assertFalse(predict.out().contains("values in"), predict.out());
    List<String> lines = Files.readAllLines(out.toPath(), StandardCharsets.UTF_8);
    assertEquals(List.of("formula", "composition_key", "predicted_label", "probabilities", "classes",
        "unseen_elements", "imputed_values", "error", "model"), fields(lines.get(0)));
    List<String> sulfide = fields(lines.get(2));
    assertEquals("KS", sulfide.get(0));
    assertTrue(List.of("metal", "non_metal").contains(sulfide.get(2)), sulfide.toString());
    assertEquals(List.of("metal", "non_metal"), List.of(sulfide.get(4).split(";")).stream().sorted().toList());
    double sum = 0;
    for (String p : sulfide.get(3).split(";")) {
      sum += Double.parseDouble(p);
    }
    assertEquals(1.0, sum, 1e-9, "probabilities of the classes: " + sulfide);
  }

  @Test
  void theReadmesQueryScoresTheCompositionsNoSourceMeasured() throws IOException {
    String readme = Files.readString(new File(TestPaths.project(), "README.md").toPath());
    int start = readme.indexOf("--out unmeasured.csv --query \"") + "--out unmeasured.csv --query \"".length();
    String query = readme.substring(start, readme.indexOf('"', start)).replace("matbench_mp_gap", "tiny_gaps");
    File out = out("query/unmeasured.csv");
    CommandRun predict = run("predict", "--experiment", "tiny", "--query", query, "--out", out.getPath());
    assertEquals(0, predict.code(), query + "\n" + predict.out() + predict.err());
    List<String> lines = Files.readAllLines(out.toPath(), StandardCharsets.UTF_8);
    assertEquals(1 + 9 * 2, lines.size(), "the sulfides and selenides: " + lines);
    for (String line : lines.subList(1, lines.size())) {
      List<String> row = fields(line);
      assertTrue(row.get(0).endsWith("S") || row.get(0).endsWith("Se"), line);
      assertEquals("true", row.get(5), "a PBE gap under 2 eV less 3 eV is below zero: " + line);
    }
  }

  @Test
  void printedRowsShowAFormulasControlCharactersEscaped() throws IOException {
    write("odd.csv", "formula\nKCl\nK\u001b[31mCl\u202e\n");
    CommandRun predict = run("predict", "--experiment", "tiny", "--input", out("odd.csv").getPath());
    assertEquals(0, predict.code(), predict.out() + predict.err());
    assertTrue(predict.out().contains("|K\\u001b[31mCl\\u202e"), predict.out());
    assertFalse(predict.out().contains("\u001b") || predict.out().contains("\u202e"), predict.out());
  }

  @Test
  void aDirectoryAtACsvPathIsRefused() throws IOException {
    File dir = out("taken.csv");
    Files.createDirectories(dir.toPath());
    CommandRun predict = predict(dir.getPath());
    assertEquals(2, predict.code(), predict.out() + predict.err());
    assertTrue(predict.err().contains("predict --out ") && predict.err().contains("taken.csv: is a directory"),
        predict.err());
    assertFalse(predict.out().contains("model:"), "refused before scoring: " + predict.out());
  }

  /** One CSV line's fields, with quoted fields unquoted. */
  private static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        field.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString());
    return out;
  }
}
