package org.transferlake.ingest.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.config.PropertyCatalog;
import org.transferlake.config.SettingsException;
import org.transferlake.config.SettingsLoader;
import org.transferlake.config.Workspace;
import org.transferlake.ingest.formats.ParquetSourceParserTest;
import org.transferlake.testing.TestPaths;

/** A workspace source definition written from a data file's header: what it maps, and that the catalog reads it. */
class SourceScaffoldTest {
  private static final PropertyCatalog PROPERTIES = new SettingsLoader().withoutSystemProperties().load().properties();

  @TempDir
  File tmp;

  private Workspace workspace(String name) {
    return Workspace.create(new File(tmp, name));
  }

  private static SourceScaffold.Result add(Workspace w, File data, String property, String fidelity, String id,
      String unit, String valueColumn) {
    return SourceScaffold.write(new SourceScaffold.Request(data, property, fidelity, id, unit, null, valueColumn), w,
        TestPaths.sourcesDir(), PROPERTIES);
  }

  private static String refusal(Workspace w, File data, String property, String valueColumn) {
    return assertThrows(SettingsException.class, () -> add(w, data, property, "lab", null, null, valueColumn))
        .getMessage();
  }

  /** The definition as the catalog reads it, beside the shipped sources. */
  private static SourceDefinition loaded(Workspace w, SourceScaffold.Result r) {
    return SourceCatalog.load(TestPaths.sourcesDir(), w.sourcesDir(), PROPERTIES).select(List.of(r.id())).get(0);
  }

  private File write(Workspace w, String name, String text) throws IOException {
    File file = new File(w.dataDir(), name);
    Files.writeString(file.toPath(), text, StandardCharsets.UTF_8);
    return file;
  }

  @TestFactory
  Stream<DynamicTest> everyShippedCsvSourceOfObservationsMapsAsItsDefinitionDoes() {
    File[] files = TestPaths.sourcesDir().listFiles((d, n) -> n.endsWith(".conf"));
    Arrays.sort(files);
    List<SourceDefinition> csv = Arrays.stream(files).map(f -> SourceCatalog.read(f, PROPERTIES))
        .filter(s -> s.kind() == SourceDefinition.Kind.OBSERVATIONS && s.format().equals("csv")).toList();
    assertTrue(csv.size() >= 10, "the shipped CSV sources: " + csv.size());
    return csv.stream().map(s -> DynamicTest.dynamicTest(s.id(), () -> {
      SourceDefinition.ValueMapping first = s.values().get(0);
      File data = new File(TestPaths.mirror(), s.files().get(0)).toPath().normalize().toFile();
      Workspace w = workspace(s.id());
      try {
        SourceScaffold.Result guessed = add(w, data, first.property(), first.fidelity(), null, null, null);
        assertEquals(first.column(), guessed.columns().valueColumn(), s.id());
        assertMapsAs(s, w, guessed);
      } catch (SettingsException e) {
        // several columns could hold the value: the stop lists them, the shipped one among them
        assertTrue(e.getMessage().startsWith(data + ": several columns could hold " + first.property() + ": ")
            && e.getMessage().contains("'" + first.column() + "'")
            && e.getMessage().endsWith("; pass --value-column NAME with one of them"), e.getMessage());
      }
      SourceScaffold.Result given = add(w, data, first.property(), first.fidelity(), "given", null, first.column());
      assertEquals(first.column(), given.columns().valueColumn());
      assertEquals("--value-column", given.columns().valueFrom());
      assertMapsAs(s, w, given);
    }));
  }

  private static void assertMapsAs(SourceDefinition shipped, Workspace w, SourceScaffold.Result r) {
    assertEquals(shipped.formulaColumn(), r.columns().formulaColumn(), shipped.id());
    assertEquals(shipped.idColumn(), r.columns().idColumn(), shipped.id());
    SourceDefinition written = loaded(w, r);
    assertEquals(shipped.formulaColumn(), written.formulaColumn());
    assertEquals(shipped.values().get(0).column(), written.values().get(0).column());
    assertEquals(shipped.values().get(0).property(), written.values().get(0).property());
    assertEquals(shipped.values().get(0).fidelity(), written.values().get(0).fidelity());
    assertEquals(List.of(new File(TestPaths.mirror(), shipped.files().get(0)).toPath().normalize().toString()),
        written.files(), "a file outside the workspace is named by its absolute path");
  }

  @Test
  void aCsvWithABomAndQuotedHeaderTakesItsUnitFromTheColumnName() throws IOException {
    Workspace w = workspace("lab");
    File data = write(w, "Lab Gaps.csv", "\uFEFF\"sample\",\"formula\",\"Eg (meV)\",\"note, free\"\ns1,GaAs,1420,x\n");
    SourceScaffold.Result r = add(w, data, "band_gap", "lab", null, null, null);
    assertEquals("lab_gaps", r.id());
    assertEquals(new File(w.sourcesDir(), "lab_gaps.conf"), r.definition());
    assertEquals("../data/Lab Gaps.csv", r.file(), "inside the workspace: relative to the definition");
    assertEquals(new ColumnMapping("formula", "its name", "sample", "Eg (meV)", "its name mentions band_gap", "meV",
        "the column name", List.of(), List.of("note, free")), r.columns());
    SourceDefinition d = loaded(w, r);
    assertEquals(1e-3, d.values().get(0).factor(), 1e-15);
    assertEquals("sample", d.idColumn());
    String text = Files.readString(r.definition().toPath());
    assertTrue(text.contains("  # the formula: column 'formula' (its name)\n  formula = \"formula\"\n"), text);
    assertTrue(text.contains("# the value: column 'Eg (meV)' (its name mentions band_gap) as band_gap/lab/lab_gaps, in"
        + " meV (unit: the column name)\n"), text);
    assertTrue(text.contains("# not mapped: 'note, free'"), text);
    assertFalse(text.contains("licence ="), "optional in a workspace");
  }

  @Test
  void unitsFromTheNameFromTheOptionOrTheCanonicalOne() throws IOException {
    Workspace w = workspace("units");
    File gapEv = write(w, "a.csv", "formula,gap_eV\nSi,1.1\n");
    assertEquals("eV", add(w, gapEv, "band_gap", "lab", null, null, null).columns().unit());
    File bracket = write(w, "b.csv", "composition,band gap [kJ/mol]\nSi,1.1\n");
    assertEquals("kJ/mol", add(w, bracket, "band_gap", "lab", null, null, null).columns().unit());
    File none = write(w, "c.csv", "formula,Eg (nm)\nSi,1.1\n");
    ColumnMapping c = add(w, none, "band_gap", "lab", null, null, null).columns();
    assertEquals("eV", c.unit());
    assertEquals("none in the column name ('nm' is no unit known for eV): band_gap's canonical unit, check it",
        c.unitFrom());
    ColumnMapping given = add(w, none, "band_gap", "lab", "given", "Ry", null).columns();
    assertEquals(List.of("Ry", "--unit"), List.of(given.unit(), given.unitFrom()));
    assertEquals("--unit nm: cannot be converted to eV for band_gap (known: eV, Ha, Ry, kJ/mol, kcal/mol, meV)",
        assertThrows(SettingsException.class, () -> add(w, none, "band_gap", "lab", "other", "nm", null))
            .getMessage());
  }

  @Test
  void twoCandidateValueColumnsStopListingBoth() throws IOException {
    Workspace w = workspace("two");
    File named = write(w, "two.csv", "id,formula,gap_pbe,gap_hse,natoms\n1,Si,0.6,1.1,2\n");
    assertEquals(named + ": several columns could hold band_gap: 'gap_pbe', 'gap_hse'; pass --value-column NAME with"
        + " one of them", refusal(w, named, "band_gap", null));
    File unnamed = write(w, "unnamed.csv", "formula,a,b\nSi,0.6,1.1\n");
    assertEquals(unnamed + ": no column is named for band_gap and several could hold it: 'a', 'b'; pass"
        + " --value-column NAME with one of them", refusal(w, unnamed, "band_gap", null));
    assertEquals(unnamed + ": --value-column c: no such column (columns: 'formula', 'a', 'b')",
        refusal(w, unnamed, "band_gap", "c"));
    assertEquals("b", add(w, unnamed, "band_gap", "lab", null, null, "b").columns().valueColumn());
    File noFormula = write(w, "noformula.csv", "name,gap\nSi,1.1\n");
    assertTrue(refusal(w, noFormula, "band_gap", null).endsWith("columns: 'name', 'gap'): pass --formula-column NAME"));
    assertFalse(new File(w.sourcesDir(), "two.conf").exists(), "nothing written when it stops");
  }

  @Test
  void jsonLinesAndParquetFilesScaffoldToo() throws IOException {
    Workspace w = workspace("formats");
    File jsonl = write(w, "gaps.jsonl", "{\"sample_id\": \"s1\", \"formula\": \"GaAs\", \"gap_eV\": 1.42}\n\n"
        + "{\"sample_id\": \"s2\", \"formula\": \"Si\", \"gap_eV\": 1.1, \"T_K\": 300}\n");
    SourceScaffold.Result j = add(w, jsonl, "band_gap", "lab", null, null, null);
    assertEquals("json-lines", j.format());
    assertEquals(new ColumnMapping("formula", "its name", "sample_id", "gap_eV", "its name mentions band_gap", "eV",
        "the column name", List.of(), List.of("T_K")), j.columns());
    assertEquals("json-lines", loaded(w, j).format());

    File parquet = ParquetSourceParserTest.write(tmp, "double", new Object[] {"a", "Si", 1.1, 0});
    SourceScaffold.Result p = add(w, parquet, "band_gap", "pbe", "pq", null, null);
    assertEquals("parquet", p.format());
    assertEquals(List.of("formula", "id", "gap", "label"), List.of(p.columns().formulaColumn(),
        p.columns().idColumn(), p.columns().valueColumn(), p.columns().unmapped().get(0)));
    assertEquals(parquet.getAbsolutePath(), p.file(), "outside the workspace: absolute");
    assertEquals("parquet", loaded(w, p).format());

    File notLines = write(w, "doc.json", "[{\"formula\": \"Si\"}]\n");
    assertTrue(refusal(w, notLines, "band_gap", null).contains("line 1 is not a JSON object"));
  }

  @Test
  void aHeaderThatIsNotUtf8OrAFileOfAnotherFormatIsRefused() throws IOException {
    Workspace w = workspace("bytes");
    File latin1 = new File(w.dataDir(), "latin1.csv");
    Files.write(latin1.toPath(), "formula,\u00e9nergie\nSi,1.1\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(latin1 + ": the header is not UTF-8; convert the file to UTF-8", refusal(w, latin1, "band_gap", null));
    File xlsx = write(w, "gaps.xlsx", "");
    assertTrue(refusal(w, xlsx, "band_gap", null).startsWith(xlsx + ": cannot tell the format from the name"));
  }

  @Test
  void aLabelPropertyHasNoUnitAndItsClassesAreLeftToMap() throws IOException {
    Workspace w = workspace("labels");
    File data = write(w, "metals.csv", "formula,is_metal\nCu,1\n");
    SourceScaffold.Result r = add(w, data, "is_metal", "lab", null, null, null);
    assertNull(r.columns().unit());
    assertEquals(List.of("metal", "non_metal"), r.columns().classes());
    assertEquals(2, loaded(w, r).values().get(0).labels().size());
  }

  @Test
  void idsAreCheckedAndNothingIsOverwritten() throws IOException {
    Workspace w = workspace("ids");
    File data = write(w, "2024 gaps.csv", "formula,gap\nSi,1.1\n");
    assertEquals("source_2024_gaps", add(w, data, "band_gap", "lab", null, null, null).id());
    assertTrue(assertThrows(SettingsException.class, () -> add(w, data, "band_gap", "lab", null, null, null))
        .getMessage().endsWith("source_2024_gaps.conf exists and is not overwritten: pass --id with another name,"
            + " or remove it"));
    assertTrue(assertThrows(SettingsException.class, () -> add(w, data, "band_gap", "lab", "matbench_expt_gap", null,
        null)).getMessage().startsWith("source id 'matbench_expt_gap' is taken by the shipped catalog"));
    assertEquals("--id Gaps: not lower snake case (a letter, then a-z, 0-9, _)", assertThrows(
        SettingsException.class, () -> add(w, data, "band_gap", "lab", "Gaps", null, null)).getMessage());
    assertTrue(assertThrows(SettingsException.class, () -> add(w, data, "bandgap", "lab", "x", null, null))
        .getMessage().startsWith("property 'bandgap' is not declared under transferlake.properties"));
    assertEquals(new File(w.dataDir(), "missing.csv").getAbsoluteFile() + ": no such file", assertThrows(
        SettingsException.class, () -> add(w, new File(w.dataDir(), "missing.csv"), "band_gap", "lab", "y", null,
            null)).getMessage());
  }
}
