package org.transferlake.featurize;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.transferlake.config.SettingsLoader;
import org.transferlake.ingest.catalog.SourceCatalog;
import org.transferlake.ingest.catalog.SourceDefinition;
import org.transferlake.ingest.formats.IngestSink;
import org.transferlake.ingest.formats.SourceParsers;
import org.transferlake.testing.TestPaths;

/**
 * An element-table source of conf/sources read from the shared mirror by ingest's own parser, in the long
 * form of {@code curated.element_properties}: what ingest would store, without a lake.
 */
public final class CatalogElementRows {
  private CatalogElementRows() {}

  /**
   * The rows of source {@code sourceId}, one per non-empty cell.
   *
   * @throws IllegalStateException when the parser refuses anything, since the shipped tables are clean
   */
  public static List<ElementValue> read(String sourceId) {
    SourceDefinition source = SourceCatalog.read(new File(TestPaths.sourcesDir(), sourceId + ".conf"),
        new SettingsLoader().withoutSystemProperties().load().properties());
    Rows sink = new Rows();
    for (String file : source.files()) {
      File path = new File(TestPaths.mirror(), file);
      try (Reader in = Files.newBufferedReader(path.toPath(), Charset.forName(source.encoding()))) {
        SourceParsers.parseText(source, file, in, 1_000_000, sink);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + path, e);
      }
    }
    if (!sink.problems.isEmpty()) {
      throw new IllegalStateException(sourceId + ": " + sink.problems);
    }
    return sink.rows;
  }

  /** Keeps the element values; anything refused is a problem. */
  private static final class Rows implements IngestSink {
    final List<ElementValue> rows = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    @Override
    public void record(long recordNumber, boolean accepted) {
      if (!accepted) {
        problems.add("record " + recordNumber + " refused");
      }
    }

    @Override
    public void pendingRecord(long recordNumber, String id, String rawRecord) {
      problems.add("record " + recordNumber + " pending");
    }

    @Override
    public void observation(long recordNumber, String compositionKey, String formulaRaw, Double valueDouble,
        String valueLabel, String unit, String property, String fidelity, String sourceRecordId,
        Map<String, String> conditions) {
      problems.add("record " + recordNumber + " is an observation");
    }

    @Override
    public void elementValue(long recordNumber, String element, int atomicNumber, String property, double value,
        String unit) {
      rows.add(new ElementValue(element, property, value));
    }

    @Override
    public void reject(long recordNumber, String field, String rawRecord, String code, String reason) {
      problems.add(code + ": " + reason);
    }

    @Override
    public void failure(String message) {
      problems.add(message);
    }
  }
}
