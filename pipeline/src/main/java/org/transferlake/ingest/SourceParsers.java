package org.transferlake.ingest;

import java.io.IOException;
import java.io.Reader;

/** Chooses the parser for a source's format. */
final class SourceParsers {
  private SourceParsers() {}

  static void parse(SourceDefinition source, String sourceFile, Reader in, int maxRecordChars, IngestSink sink)
      throws IOException {
    switch (source.format()) {
      case "csv" -> CsvSourceParser.parse(source, sourceFile, in, maxRecordChars, sink);
      default -> sink.failure("format '" + source.format() + "' is not supported");
    }
  }
}
