package org.transferlake.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.ingest.TestSources;
import org.transferlake.ingest.catalog.SourceDefinition;
import org.transferlake.ingest.catalog.SourceFiles;

public class ParquetSourceParserTest {
  @TempDir
  File tmp;

  private SourceDefinition source() throws IOException {
    return TestSources.define(tmp, "pq", """
        format = parquet
        files = ["g.parquet"]
        licence = t
        citation = t
        record { formula = formula, id = id }
        values = [
          { column = gap, property = band_gap, fidelity = pbe, unit = eV }
          { column = label, property = is_metal, fidelity = pbe, labels { "1" = metal, "0" = non_metal } }
        ]
        """);
  }

  /** Writes rows of (id, formula, gap, label) with the given gap column type; a null cell is left empty. */
  public static File write(File dir, String gapType, Object[]... rows) throws IOException {
    MessageType schema = MessageTypeParser.parseMessageType("message r { optional binary id (STRING);"
        + " optional binary formula (STRING); optional " + gapType + " gap; optional int32 label; }");
    File file = new File(dir, "g.parquet");
    Files.deleteIfExists(file.toPath());
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new Path(file.toURI()))
        .withType(schema).withConf(new Configuration()).build()) {
      for (Object[] row : rows) {
        Group g = groups.newGroup();
        if (row[0] != null) {
          g.add("id", (String) row[0]);
        }
        if (row[1] != null) {
          g.add("formula", (String) row[1]);
        }
        if (row[2] instanceof Double d) {
          g.add("gap", d);
        } else if (row[2] instanceof String s) {
          g.add("gap", s);
        }
        if (row[3] != null) {
          g.add("label", (Integer) row[3]);
        }
        writer.write(g);
      }
    }
    return file;
  }

  private CollectingSink parse(File file) throws IOException {
    CollectingSink sink = new CollectingSink();
    SourceParsers.parse(source(), new SourceFiles.File("g.parquet", file.toURI().toString(), "sha"), 1000, sink);
    return sink;
  }

  @Test
  void rowsAreRecordsInFileOrderWithTypedCells() throws IOException {
    CollectingSink sink = parse(write(tmp, "double",
        new Object[] {"mp-1", "GaAs", 1.42, 0},
        new Object[] {"mp-2", "NaCl", Double.NaN, null},
        new Object[] {"mp-3", "Cu", null, 1},
        new Object[] {"mp-4", "ZnO", -3.0, 0},
        new Object[] {"mp-5", null, 1.0, null}));
    assertEquals(List.of(0L, 2L, 3L), sink.accepted);
    assertEquals(1.42, sink.observations.get(0).value());
    assertEquals("mp-1", sink.observations.get(0).recordId());
    assertEquals("non_metal", sink.observations.get(1).label());
    assertEquals("metal", sink.observations.get(2).label());
    assertEquals(RejectCodes.NOT_FINITE, sink.recordRejects().get(0).code());
    assertEquals(RejectCodes.OUT_OF_RANGE, sink.rejects.get(1).code(), "a refused value inside an accepted record");
    assertEquals("gap", sink.rejects.get(1).field());
    assertEquals(RejectCodes.NO_FORMULA, sink.recordRejects().get(1).code());
    assertTrue(sink.recordRejects().get(0).raw().contains("\"formula\":\"NaCl\""), sink.recordRejects().get(0).raw());
  }

  @Test
  void aRowLongerThanTheLimitIsRefusedOnItsOwn() throws IOException {
    CollectingSink sink = parse(write(tmp, "double", new Object[] {"a", "Fe".repeat(600), 1.0, null},
        new Object[] {"b", "Si", 1.1, null}));
    assertEquals(List.of(1L), sink.accepted);
    assertEquals("record longer than 1000 characters", sink.recordRejects().get(0).reason());
  }

  @Test
  void aGapStoredAsTextIsReadAsTextAndRefusedWhereItIsNoNumber() throws IOException {
    CollectingSink sink = parse(write(tmp, "binary", new Object[] {"a", "GaAs", "1.4", null},
        new Object[] {"b", "Si", "abc", null}));
    assertEquals(List.of(0L), sink.accepted);
    assertEquals(RejectCodes.NOT_A_NUMBER, sink.recordRejects().get(0).code());
  }

  @Test
  void aMissingColumnATruncatedFileAndAFileThatIsNoParquetFailTheSource() throws IOException {
    SourceDefinition wrongColumn = TestSources.define(tmp, "pq2", """
        format = parquet
        files = ["g.parquet"]
        licence = t
        citation = t
        record { formula = formula }
        values = [ { column = Eg, property = band_gap, fidelity = pbe, unit = eV } ]
        """);
    File file = write(tmp, "double", new Object[] {"a", "GaAs", 1.4, 0});
    CollectingSink missing = new CollectingSink();
    SourceParsers.parse(wrongColumn, new SourceFiles.File("g.parquet", file.toURI().toString(), "sha"), 1000, missing);
    assertTrue(missing.failures.get(0).startsWith("g.parquet: column 'Eg' not found (schema: id, formula, gap, label)"),
        missing.failures.toString());

    byte[] bytes = Files.readAllBytes(file.toPath());
    Files.write(file.toPath(), Arrays.copyOf(bytes, bytes.length / 2));
    assertTrue(parse(file).failures.get(0).startsWith("g.parquet is not a readable Parquet file"));
    Files.writeString(file.toPath(), "formula,gap\nGaAs,1.4\n");
    assertTrue(parse(file).failures.get(0).startsWith("g.parquet is not a readable Parquet file"));
  }
}
