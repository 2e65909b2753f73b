package org.transferlake.ingest.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.ingest.TestSources;
import org.transferlake.lake.Checksums;

/** Where a catalog's files may lie: inside the mirror, or at an absolute path when the setting allows it. */
class SourceFilesTest {
  private static final String REFUSED = "is not a path inside the mirror directory (absolute paths and '..' are refused)";

  @TempDir
  File tmp;

  private SourceDefinition source(String file) throws IOException {
    return TestSources.define(tmp, "s", "format = csv\nfiles = [\"" + file + "\"]\nlicence = t\ncitation = t\n"
        + "record { formula = formula }\nvalues = [ { column = gap, property = band_gap, fidelity = pbe, unit = eV } ]\n");
  }

  private SourceFiles.Resolved resolve(String file, boolean allowAbsolute) throws IOException {
    File mirror = new File(tmp, "mirror");
    mirror.mkdirs();
    return SourceFiles.resolve(source(file), mirror.getPath(), allowAbsolute, new Configuration());
  }

  @Test
  void anAbsolutePathIsRefusedByDefaultAndReadWhenAllowed() throws IOException {
    File outside = new File(tmp, "outside.csv");
    Files.writeString(outside.toPath(), "formula,gap\nGaAs,1.4\n");
    String path = outside.getAbsolutePath();
    assertEquals("file '" + path + "' " + REFUSED, resolve(path, false).problem());
    SourceFiles.Resolved allowed = resolve(path, true);
    assertNull(allowed.problem());
    assertEquals(path, allowed.files().get(0).relative(), "the catalog's path is what rows name as source_file");
    assertEquals(Checksums.sha256("formula,gap\nGaAs,1.4\n"), allowed.sha256());
  }

  @Test
  void parentStepsAndUrisAreRefusedEvenWhenAbsolutePathsAreAllowed() throws IOException {
    String parent = new File(tmp, "mirror").getAbsolutePath() + "/../outside.csv";
    for (String file : new String[] {"../outside.csv", "a/../../outside.csv", parent, "file:///etc/passwd"}) {
      assertEquals("file '" + file + "' " + REFUSED, resolve(file, true).problem(), file);
    }
  }
}
