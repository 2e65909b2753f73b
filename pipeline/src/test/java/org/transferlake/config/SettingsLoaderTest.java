package org.transferlake.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.testing.TestPaths;

class SettingsLoaderTest {
  @TempDir
  File tmp;

  private static SettingsLoader loader() {
    return new SettingsLoader().withoutSystemProperties();
  }

  @Test
  void defaultsComeFromReferenceConf() {
    Settings s = loader().load();
    assertEquals("./lake", s.lakeRoot());
    assertEquals("lake", s.lakeCatalog());
    assertEquals("conf/sources", s.sourcesDir());
    assertEquals(List.of(), s.onlySources());
    assertTrue(s.properties().get("band_gap").numeric());
    assertEquals("eV", s.properties().get("band_gap").unit());
  }

  @Test
  void featurizeSettingsHaveDefaultsAndRefuseUnknownPresetsAndBadNumbers() {
    Settings s = loader().load();
    assertEquals(List.of("magpie"), s.featurizePresets());
    assertEquals("magpie_elements", s.featurizeElementSource());
    assertEquals(50000, s.featurizeRowsPerPartition());
    assertEquals(10, s.featurizeProgressSeconds());
    assertEquals(List.of("fractions", "magpie_no_imputation"), loader()
        .set("transferlake.featurize.presets", "[fractions, magpie_no_imputation]").load().featurizePresets());
    assertEquals("transferlake.featurize.rows-per-partition = 0: expected a number above 0",
        assertThrows(SettingsException.class,
            () -> loader().set("transferlake.featurize.rows-per-partition", "0").load()).getMessage());
    assertEquals("transferlake.featurize.progress-seconds = -1: expected 0 (no progress lines) or more",
        assertThrows(SettingsException.class,
            () -> loader().set("transferlake.featurize.progress-seconds", "-1").load()).getMessage());
  }

  @Test
  void ingestSettingsHaveSafeDefaultsAndDurationsAreChecked() {
    Settings s = loader().load();
    assertEquals(false, s.excludeFlaggedSources());
    assertEquals(false, s.downloadEnabled());
    assertEquals(java.time.Duration.ofSeconds(60), s.downloadTimeout());
    assertEquals(java.time.Duration.ofMinutes(2),
        loader().set("transferlake.ingest.download.timeout", "2m").load().downloadTimeout());
    SettingsException e = assertThrows(SettingsException.class,
        () -> loader().set("transferlake.ingest.download.timeout", "soon").load());
    assertTrue(e.getMessage().contains("transferlake.ingest.download.timeout = \"soon\""), e.getMessage());
    assertTrue(loader().set("transferlake.sources.exclude-flagged", "true").load().excludeFlaggedSources());
    assertEquals(false, s.allowAbsoluteSourcePaths());
    assertTrue(loader().set("transferlake.sources.allow-absolute-paths", "true").load().allowAbsoluteSourcePaths());
  }

  @Test
  void setWinsOverProfileWhichWinsOverReference() throws IOException {
    File profile = write("p.conf", "transferlake.lake.root = /from/profile\ntransferlake.sql.max-rows = 7\n");
    Settings s = loader().profile(profile).set("transferlake.lake.root", "/from/set").load();
    assertEquals("/from/set", s.lakeRoot());
    assertEquals(7, s.sqlMaxRows());
  }

  @Test
  void laterProfilesWin() throws IOException {
    File first = write("a.conf", "transferlake.sql.max-rows = 1\n");
    File second = write("b.conf", "transferlake.sql.max-rows = 2\n");
    assertEquals(2, loader().profile(first).profile(second).load().sqlMaxRows());
  }

  @Test
  void setAcceptsNumbersAndListsAsText() {
    Settings s = loader().set("transferlake.sql.max-rows", "12")
        .set("transferlake.sources.only", "[matbench_expt_gap, magpie_elements]").load();
    assertEquals(12, s.sqlMaxRows());
    assertEquals(List.of("matbench_expt_gap", "magpie_elements"), s.onlySources());
  }

  @Test
  void sparkKeysPassThroughAndSetOnesAreMarkedExplicit() throws IOException {
    File profile = write("p.conf", "spark { ui.enabled = false, sql.shuffle.partitions = 3 }\n");
    Settings s = loader().profile(profile).set("spark.master", "local[2]").load();
    assertEquals("false", s.sparkConf().get("spark.ui.enabled"));
    assertEquals("3", s.sparkConf().get("spark.sql.shuffle.partitions"));
    assertEquals("local[2]", s.sparkConf().get("spark.master"));
    assertEquals(java.util.Set.of("spark.master"), s.explicitSparkKeys());
  }

  @Test
  void unknownKeyFailsNamingItAndSuggestingTheNearestKnownKey() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> loader().set("transferlake.lake.rot", "/x").load());
    assertTrue(e.getMessage().contains("transferlake.lake.rot = \"/x\""), e.getMessage());
    assertTrue(e.getMessage().contains("unknown setting"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean transferlake.lake.root?"), e.getMessage());
    assertTrue(e.getMessage().contains("--set transferlake.lake.rot"), "names where the value came from");
  }

  @Test
  void unknownKeyInAProfileNamesTheFileAndLine() throws IOException {
    File profile = write("bad.conf", "transferlake {\n  ingest.max-record-charz = 5\n}\n");
    SettingsException e = assertThrows(SettingsException.class, () -> loader().profile(profile).load());
    assertTrue(e.getMessage().contains("transferlake.ingest.max-record-charz"), e.getMessage());
    assertTrue(e.getMessage().contains("bad.conf: 2"), e.getMessage());
  }

  @Test
  void wrongTypeFailsNamingKeyValueAndExpectation() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> loader().set("transferlake.sql.max-rows", "many").load());
    assertTrue(e.getMessage().contains("transferlake.sql.max-rows = \"many\""), e.getMessage());
    assertTrue(e.getMessage().contains("expected a whole number, as in its default 200"), e.getMessage());
  }

  @Test
  void objectWhereAStringIsExpectedFails() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> loader().set("transferlake.lake.root", "{ a = 1 }").load());
    assertTrue(e.getMessage().contains("transferlake.lake.root"), e.getMessage());
    assertTrue(e.getMessage().contains("expected a string"), e.getMessage());
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    SettingsException e = assertThrows(SettingsException.class, () -> loader()
        .set("transferlake.sql.max-rows", "x").set("transferlake.nope", "1").load());
    assertTrue(e.getMessage().contains("transferlake.sql.max-rows"), e.getMessage());
    assertTrue(e.getMessage().contains("transferlake.nope"), e.getMessage());
  }

  @Test
  void outOfRangeValueFails() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> loader().set("transferlake.ingest.max-record-chars", "0").load());
    assertTrue(e.getMessage().contains("transferlake.ingest.max-record-chars = 0: expected a number above 0"),
        e.getMessage());
  }

  @Test
  void onlyProjectAndSparkKeysCanBeSet() {
    SettingsException e = assertThrows(SettingsException.class, () -> loader().set("java.home", "/x").load());
    assertTrue(e.getMessage().contains("only transferlake.* and spark.* keys"), e.getMessage());
  }

  @Test
  void malformedPropertyDeclarationFails() {
    SettingsException e = assertThrows(SettingsException.class,
        () -> loader().set("transferlake.properties.hardness", "{ kind = scalar }").load());
    assertTrue(e.getMessage().contains("transferlake.properties.hardness.kind = \"scalar\""), e.getMessage());
  }

  @Test
  void newPropertiesCanBeDeclared() {
    Settings s = loader().set("transferlake.properties.bulk_modulus", "{ kind = number, unit = GPa, min = 0 }").load();
    assertEquals("GPa", s.properties().get("bulk_modulus").unit());
  }

  @Test
  void shippedProfilesAreValid() {
    File conf = new File(TestPaths.project(), "conf");
    assertEquals("local[*]", loader().profile(new File(conf, "local.conf")).load().sparkConf().get("spark.master"));
    assertEquals("1", loader().profile(new File(conf, "cluster.conf")).load().sparkConf()
        .get("spark.executorEnv.OMP_NUM_THREADS"));
  }

  @Test
  void missingProfileFileFails() {
    SettingsException e = assertThrows(SettingsException.class, () -> loader().profile(new File(tmp, "none.conf")));
    assertTrue(e.getMessage().contains("none.conf does not exist"), e.getMessage());
  }

  private File write(String name, String text) throws IOException {
    File f = new File(tmp, name);
    Files.writeString(f.toPath(), text);
    return f;
  }

  @Test
  void secretsInSettingsNeverReachProvenanceOrErrorMessages() {
    Settings s = loader().set("transferlake.lake.catalog-type", "jdbc")
        .set("transferlake.lake.catalog-uri", "jdbc:postgresql://iceberg:hunter2@db.example/iceberg?password=hunter3")
        .load();
    String rendered = s.renderProjectSettings();
    assertTrue(rendered.contains("db.example/iceberg"), rendered);
    assertTrue(!rendered.contains("hunter2") && !rendered.contains("hunter3"), rendered);

    SettingsException unknown = assertThrows(SettingsException.class,
        () -> loader().set("transferlake.lake.password", "hunter4").load());
    assertTrue(unknown.getMessage().contains("transferlake.lake.password"), unknown.getMessage());
    assertTrue(!unknown.getMessage().contains("hunter4"), unknown.getMessage());
  }
}
