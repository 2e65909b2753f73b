package org.transferlake.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A benchmark deletes only a directory it made, or an empty one. */
class ScratchLakeTest {
  @TempDir
  File root;

  @Test
  void rebuildsItsOwnLakeAndRefusesAnyOtherDirectory() throws Exception {
    File dir = new File(root, "lake-bench");
    ScratchLake.recreate(dir);
    Files.writeString(new File(dir, "old-table").toPath(), "rows");
    assertTrue(ScratchLake.replaceable(dir));
    ScratchLake.recreate(dir);
    assertEquals(1, dir.list().length, "only the marker is left");
    assertTrue(new File(dir, ScratchLake.MARKER).isFile());

    File foreign = new File(root, "data");
    Files.createDirectories(foreign.toPath());
    Files.writeString(new File(foreign, "precious.csv").toPath(), "a,b");
    assertFalse(ScratchLake.replaceable(foreign));
    assertThrows(IllegalArgumentException.class, () -> ScratchLake.recreate(foreign));
    assertTrue(new File(foreign, "precious.csv").isFile(), "nothing deleted");
  }
}
