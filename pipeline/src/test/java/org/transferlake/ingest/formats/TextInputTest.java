package org.transferlake.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.ingest.catalog.SourceCatalog;
import org.transferlake.ingest.catalog.SourceFiles;

class TextInputTest {
  @TempDir
  File tmp;

  private static String read(byte[] bytes, Charset declared) throws IOException {
    try (Reader r = TextInput.open(new ByteArrayInputStream(bytes), declared, "f.csv")) {
      StringBuilder out = new StringBuilder();
      for (int c = r.read(); c >= 0; c = r.read()) {
        out.append((char) c);
      }
      return out.toString();
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }

  @Test
  void aByteOrderMarkSaysTheEncodingAndIsNotData() throws IOException {
    byte[] utf8Bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    assertEquals("formula,gap", read(concat(utf8Bom, "formula,gap".getBytes(StandardCharsets.UTF_8)),
        StandardCharsets.ISO_8859_1));
    byte[] le = {(byte) 0xFF, (byte) 0xFE};
    assertEquals("Cd₃", read(concat(le, "Cd₃".getBytes(StandardCharsets.UTF_16LE)), StandardCharsets.UTF_8));
    byte[] be = {(byte) 0xFE, (byte) 0xFF};
    assertEquals("Cd₃", read(concat(be, "Cd₃".getBytes(StandardCharsets.UTF_16BE)), StandardCharsets.UTF_8));
  }

  @Test
  void utf16WithoutAByteOrderMarkIsRefusedNamingTheFix() {
    IOException e = assertThrows(IOException.class,
        () -> read("formula,gap".getBytes(StandardCharsets.UTF_16LE), StandardCharsets.UTF_8));
    assertTrue(e.getMessage().contains("UTF-16LE"), e.getMessage());
    assertTrue(e.getMessage().contains("f.csv"), e.getMessage());
  }

  @Test
  void bytesInvalidInTheDeclaredEncodingRefuseTheirRecordOnly() throws IOException {
    File conf = new File(tmp, "latin.conf");
    Files.writeString(conf.toPath(), "id = latin\nformat = csv\nfiles = [\"l.csv\"]\nlicence = t\ncitation = t\n"
        + "record { formula = formula, conditions = [note] }\n"
        + "values = [ { column = gap, property = band_gap, fidelity = experiment, unit = eV } ]\n");
    byte[] latin1 = "formula,gap,note\nNaCl,8.5,ok\nGaAs,1.4,Ångström\n".getBytes(StandardCharsets.ISO_8859_1);
    File data = new File(tmp, "l.csv");
    Files.write(data.toPath(), latin1);
    SourceFiles.File file = new SourceFiles.File("l.csv", data.toURI().toString(), "sha");

    CollectingSink asUtf8 = new CollectingSink();
    SourceParsers.parse(SourceCatalog.read(conf, CsvSourceParserTest.PROPERTIES), file, 1000, asUtf8);
    assertEquals(List.of(0L), asUtf8.accepted);
    assertEquals(RejectCodes.BAD_ENCODING, asUtf8.recordRejects().get(0).code());
    assertTrue(asUtf8.recordRejects().get(0).reason().contains("not valid UTF-8"), asUtf8.recordRejects().get(0).reason());

    Files.writeString(conf.toPath(), Files.readString(conf.toPath()) + "encoding = ISO-8859-1\n");
    CollectingSink asLatin1 = new CollectingSink();
    SourceParsers.parse(SourceCatalog.read(conf, CsvSourceParserTest.PROPERTIES), file, 1000, asLatin1);
    assertEquals(List.of(0L, 1L), asLatin1.accepted);
    assertEquals("Ångström", asLatin1.observations.get(1).conditions().get("note"));
  }
}
