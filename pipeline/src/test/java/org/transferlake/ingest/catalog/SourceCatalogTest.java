package org.transferlake.ingest.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.config.SettingsException;
import org.transferlake.ingest.formats.CsvSourceParserTest;
import org.transferlake.lineage.Link;

class SourceCatalogTest {
  @TempDir
  File tmp;

  private static final String GAPS = """
      format = csv
      files = ["g.csv"]
      licence = t
      citation = t
      record { formula = formula }
      values = [ { column = gap, property = band_gap, fidelity = experiment, unit = eV } ]
      """;

  private void write(String id, String body) throws IOException {
    Files.writeString(new File(tmp, id + ".conf").toPath(), "id = " + id + "\n" + body);
  }

  private SourceCatalog load() {
    return SourceCatalog.load(tmp, CsvSourceParserTest.PROPERTIES);
  }

  private String failure(String id, String body) throws IOException {
    write(id, body);
    return assertThrows(SettingsException.class, this::load).getMessage();
  }

  @Test
  void aWorkspaceSourceMayLeaveOutLicenceAndCitationAndDeclaresItsIdOnce() throws IOException {
    File workspace = new File(tmp, "workspace");
    Files.createDirectories(workspace.toPath());
    String mine = GAPS.replace("licence = t\n", "").replace("citation = t\n", "");
    Files.writeString(new File(workspace, "lab_gaps.conf").toPath(), "id = lab_gaps\n" + mine);
    File shipped = new File(tmp, "shipped");
    Files.createDirectories(shipped.toPath());
    SourceDefinition lab = SourceCatalog.load(shipped, workspace, CsvSourceParserTest.PROPERTIES).select(List.of())
        .get(0);
    assertTrue(lab.workspace());
    assertEquals(SourceDefinition.NOT_GIVEN, lab.licence());
    assertEquals(SourceDefinition.NOT_GIVEN, lab.citation());
    Files.writeString(new File(shipped, "lab_gaps.conf").toPath(), "id = lab_gaps\n" + mine);
    assertTrue(assertThrows(SettingsException.class, () -> SourceCatalog.load(shipped, null,
        CsvSourceParserTest.PROPERTIES)).getMessage().contains("licence"), "the shipped catalog still needs one");
    Files.writeString(new File(shipped, "lab_gaps.conf").toPath(), "id = lab_gaps\n" + GAPS);
    String e = assertThrows(SettingsException.class, () -> SourceCatalog.load(shipped, workspace,
        CsvSourceParserTest.PROPERTIES)).getMessage();
    assertTrue(e.contains("source id 'lab_gaps' is already declared in " + new File(shipped, "lab_gaps.conf")), e);
  }

  @Test
  void misspeltKeysInsideSectionsAreRefusedByName() throws IOException {
    String e = failure("typo", GAPS.replace("unit = eV", "unit = eV, unit_column = u"));
    assertTrue(e.contains("values[0].unit_column: unknown key"), e);
    assertTrue(e.contains("typo.conf"), e);
  }

  @Test
  void aRecordNeedsExactlyOneWayToItsFormula() throws IOException {
    assertTrue(failure("both", GAPS.replace("record { formula = formula }",
        "record { formula = formula, formula-by-id = other, id = id }")).contains("either formula"));
    Files.delete(new File(tmp, "both.conf").toPath());
    assertTrue(failure("noid", GAPS.replace("record { formula = formula }", "record { formula-by-id = other }"))
        .contains("needs the column holding the ids"));
  }

  @Test
  void formulaByIdMustNameASourceWithIds() throws IOException {
    write("plain", GAPS);
    String e = failure("byid", GAPS.replace("record { formula = formula }",
        "record { formula-by-id = plain, id = mp }"));
    assertTrue(e.contains("formula-by-id = plain: that source must hold observations with a formula column and an id"), e);
  }

  @Test
  void lineageIsCheckedAgainstTheWholeCatalog() throws IOException {
    write("base", GAPS);
    write("derived", GAPS + """
        lineage = [ { context = "band_gap/experiment/derived", derived_from = "band_gap/experiment/base", note = "subset" } ]
        """);
    SourceDefinition derived = load().select(List.of("derived")).get(0);
    assertEquals(List.of(new Link("band_gap/experiment/derived", Link.DERIVED_FROM, "band_gap/experiment/base", "subset")),
        derived.lineage());

    write("derived", GAPS + "lineage = [ { context = \"band_gap/pbe/derived\", same_as = \"band_gap/experiment/base\" } ]\n");
    assertTrue(assertThrows(SettingsException.class, this::load).getMessage()
        .contains("\"band_gap/pbe/derived\" is not a context of derived"));
    write("derived", GAPS + "lineage = [ { context = \"band_gap/experiment/derived\", same_as = \"band_gap/pbe/nowhere\" } ]\n");
    assertTrue(assertThrows(SettingsException.class, this::load).getMessage()
        .contains("\"band_gap/pbe/nowhere\" is not a context of any source"));
    write("derived", GAPS + "lineage = [ { context = \"band_gap/experiment/derived\" } ]\n");
    assertTrue(assertThrows(SettingsException.class, this::load).getMessage()
        .contains("exactly one of same_as or derived_from"));
  }

  @Test
  void severalFilesNeedOneUrlEach() throws IOException {
    String e = failure("urls", GAPS.replace("files = [\"g.csv\"]", "files = [\"a.csv\", \"b.csv\"]")
        + "origin { url = \"https://example.org/a.csv\" }\n");
    assertTrue(e.contains("give urls, one per file"), e);
  }

  @Test
  void flaggedSourcesAreLeftOutOnlyWhenAsked() throws IOException {
    write("open", GAPS);
    write("closed", GAPS + "flags = [no_licence]\n");
    SourceCatalog catalog = load();
    assertEquals(2, catalog.select(List.of()).size());
    assertEquals(List.of("open"), catalog.select(List.of(), true).stream().map(SourceDefinition::id).toList());
    String e = assertThrows(SettingsException.class, () -> catalog.select(List.of("closed"), true)).getMessage();
    assertTrue(e.contains("flagged [no_licence]"), e);
  }

  @Test
  void aClosedLabelPropertyNeedsItsMapButAnOpenOneTakesRawValues() throws IOException {
    String e = failure("metal", GAPS.replace("{ column = gap, property = band_gap, fidelity = experiment, unit = eV }",
        "{ column = m, property = is_metal, fidelity = experiment }"));
    assertTrue(e.contains("needs a map from raw values to its classes"), e);
    Files.delete(new File(tmp, "metal.conf").toPath());
    write("colours", GAPS.replace("{ column = gap, property = band_gap, fidelity = experiment, unit = eV }",
        "{ column = c, property = color, fidelity = experiment }"));
    assertTrue(load().select(List.of("colours")).get(0).values().get(0).labels().isEmpty());
  }
}
