package org.transferlake.ingest;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import org.transferlake.config.PropertyCatalog;
import org.transferlake.config.SettingsLoader;
import org.transferlake.ingest.catalog.SourceCatalog;
import org.transferlake.ingest.catalog.SourceDefinition;
import org.transferlake.ingest.formats.CollectingSink;
import org.transferlake.ingest.formats.SourceParsers;

/** Source definitions written into a test's directory, and text parsed through a format's parser. */
public final class TestSources {
  static final PropertyCatalog PROPERTIES = new SettingsLoader().withoutSystemProperties().load().properties();

  private TestSources() {}

  /** Writes {@code <dir>/<id>.conf} with {@code body} after its id line, and reads it back. */
  public static SourceDefinition define(File dir, String id, String body) throws IOException {
    File f = new File(dir, id + ".conf");
    Files.writeString(f.toPath(), "id = " + id + "\n" + body);
    return SourceCatalog.read(f, PROPERTIES);
  }

  /** Parses {@code text} as the source's format would, checking that whole-record rejects match refused records. */
  public static CollectingSink parse(SourceDefinition source, String text) throws IOException {
    CollectingSink sink = new CollectingSink();
    SourceParsers.parseText(source, "test-file", new StringReader(text), 10_000, sink);
    if (sink.refused.size() != sink.recordRejects().size()) {
      throw new AssertionError("one whole-record reject per refused record: " + sink.refused + " vs " + sink.rejects);
    }
    return sink;
  }
}
