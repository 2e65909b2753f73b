package org.transferlake.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
  @TempDir
  File tmp;

  @Test
  void initCreatesTheLayoutAndRefusesToRunTwice() {
    File dir = new File(tmp, "lab");
    Workspace w = Workspace.create(dir);
    for (File f : List.of(w.settingsFile(), new File(dir, "README.md"))) {
      assertTrue(f.isFile(), f.getPath());
    }
    for (File d : List.of(w.sourcesDir(), w.experimentsDir(), w.dataDir())) {
      assertTrue(d.isDirectory(), d.getPath());
    }
    assertTrue(assertThrows(SettingsException.class, () -> Workspace.create(dir)).getMessage()
        .contains("already a workspace"));
  }

  @Test
  void aWorkspaceIsFoundFromBelowItOrFromTheEnvironment() throws IOException {
    Workspace w = Workspace.create(new File(tmp, "lab"));
    File deep = new File(w.dataDir(), "runs/2026");
    Files.createDirectories(deep.toPath());
    assertEquals(w, Workspace.find(null, deep));
    assertEquals(w, Workspace.find(w.dir().getPath(), tmp));
    assertNull(Workspace.find("none", deep), "none turns the search off");
    assertNull(Workspace.find("", tmp));
    SettingsException e = assertThrows(SettingsException.class, () -> Workspace.find(tmp.getPath(), deep));
    assertEquals(Workspace.ENV + " = \"" + tmp.getPath() + "\": not a workspace (no transferlake.conf; create one"
        + " with bin/transferlake init " + tmp.getPath() + ")", e.getMessage());
  }

  @Test
  void itsLakeAndSettingsLayerOverTheProfileAndUnderSet() throws IOException {
    Workspace w = Workspace.create(new File(tmp, "lab"));
    Settings plain = new SettingsLoader().withoutSystemProperties().workspace(w).load();
    assertEquals(w.lakeDir().getPath(), plain.lakeRoot());
    assertEquals(w, plain.workspace());
    assertEquals(List.of(w.experimentsDir(), new File("conf/experiments")), plain.experimentDirs());
    Files.writeString(w.settingsFile().toPath(), "transferlake.lake.root = \"/data/lab-lake\"\n");
    assertEquals("/data/lab-lake", new SettingsLoader().withoutSystemProperties().workspace(w).load().lakeRoot());
    assertEquals("/elsewhere", new SettingsLoader().withoutSystemProperties().workspace(w)
        .set("transferlake.lake.root", "/elsewhere").load().lakeRoot());
    assertNull(new SettingsLoader().withoutSystemProperties().load().workspace());
  }
}
