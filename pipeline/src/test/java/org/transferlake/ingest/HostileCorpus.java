package org.transferlake.ingest;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * A seeded corpus of hostile source files in every format the ingest reads (CSV, JSON lines, JSON map, PIF,
 * Parquet), with one catalog definition per source naming its files by absolute path, and what ingesting each
 * source must give: the records it reads, which of them it accepts, or the failure of a file that cannot be
 * used at all. The same seed writes the same bytes.
 */
final class HostileCorpus {
  /** What ingesting one source must give; {@code failure} (part of the message) when the source must fail. */
  record Expected(String id, String format, long read, Set<String> accepted, String failure) {}

  /** Longer than the default {@code transferlake.ingest.max-record-chars}. */
  static final int OVER_LONG = 1_000_100;

  private final File dir;
  private final Random random;
  private final Map<String, Expected> expected = new LinkedHashMap<>();
  /** Per format, records per kind of hostility. */
  private final Map<String, Map<String, Integer>> kinds = new TreeMap<>();

  private HostileCorpus(File dir, long seed) {
    this.dir = dir;
    this.random = new Random(seed);
  }

  static HostileCorpus write(File dir, long seed) {
    HostileCorpus corpus = new HostileCorpus(dir, seed);
    try {
      new File(dir, "sources").mkdirs();
      HostileFormats formats = new HostileFormats(corpus);
      formats.writeAll();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return corpus;
  }

  File catalogDir() {
    return new File(dir, "sources");
  }

  Map<String, Expected> expected() {
    return expected;
  }

  Map<String, Map<String, Integer>> kinds() {
    return kinds;
  }

  Random random() {
    return random;
  }

  File file(String name) {
    return new File(dir, name);
  }

  void count(String format, String kind) {
    kinds.computeIfAbsent(format, f -> new TreeMap<>()).merge(kind, 1, Integer::sum);
  }

  /** Writes the source's definition: its files by absolute path, then {@code body}. */
  void define(String id, String format, List<File> files, String body) throws IOException {
    StringBuilder list = new StringBuilder();
    for (File f : files) {
      list.append(list.length() == 0 ? "" : ", ").append('"').append(f.getAbsolutePath()).append('"');
    }
    Files.writeString(new File(catalogDir(), id + ".conf").toPath(), "id = " + id + "\nformat = " + format
        + "\nfiles = [" + list + "]\nlicence = \"test corpus\"\ncitation = \"HostileCorpus\"\n" + body);
  }

  void expect(String id, String format, long read, Set<String> accepted) {
    expected.put(id, new Expected(id, format, read, accepted, null));
  }

  void expectFailure(String id, String format, String failure) {
    expected.put(id, new Expected(id, format, 0, Set.of(), failure));
  }

  /** A record's place, as the lake names it: the file's path and its record number. */
  static String place(File file, long recordNumber) {
    return file.getAbsolutePath() + "#" + recordNumber;
  }

  /** Text written to a file line by line, each line in its own encoding (Latin-1 bytes in a UTF-8 file). */
  static final class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Charset charset;

    Bytes(Charset charset) {
      this.charset = charset;
    }

    Bytes add(String text) {
      return add(text, charset);
    }

    Bytes add(String text, Charset in) {
      out.writeBytes(text.getBytes(in));
      return this;
    }

    byte[] bytes() {
      return out.toByteArray();
    }

    void writeTo(File f) throws IOException {
      Files.write(f.toPath(), bytes());
    }
  }

  /** Writes Parquet rows of string and double columns; a null cell is left empty. */
  static void parquet(File f, String schema, List<Object[]> rows) throws IOException {
    MessageType type = MessageTypeParser.parseMessageType(schema);
    Files.deleteIfExists(f.toPath());
    SimpleGroupFactory groups = new SimpleGroupFactory(type);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new Path(f.toURI()))
        .withType(type).withConf(new Configuration()).build()) {
      for (Object[] row : rows) {
        Group g = groups.newGroup();
        for (int i = 0; i < row.length; i++) {
          String name = type.getFieldName(i);
          if (row[i] instanceof String s) {
            g.add(name, s);
          } else if (row[i] instanceof Double d) {
            g.add(name, d);
          } else if (row[i] instanceof Integer n) {
            g.add(name, n);
          }
        }
        writer.write(g);
      }
    }
  }

  /** Ids of an id source mapped to the composition keys of its accepted records. */
  static final class IdKeys {
    private final Map<String, Set<String>> keys = new HashMap<>();

    void add(String id, String key) {
      keys.computeIfAbsent(id, i -> new HashSet<>()).add(key);
    }

    /** Whether the id names exactly one composition. */
    boolean resolves(String id) {
      return keys.getOrDefault(id, Set.of()).size() == 1;
    }
  }
}
