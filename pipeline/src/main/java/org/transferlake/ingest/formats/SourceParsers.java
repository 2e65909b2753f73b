package org.transferlake.ingest.formats;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import org.transferlake.ingest.catalog.SourceDefinition;
import org.transferlake.ingest.catalog.SourceFiles;

/** Chooses the parser for a source's format and opens the file the way that parser reads it. */
public final class SourceParsers {
  private SourceParsers() {}

  public static void parse(SourceDefinition source, SourceFiles.File file, int maxRecordChars, IngestSink sink)
      throws IOException {
    if (source.format().equals("parquet")) {
      ParquetSourceParser.parse(source, file, maxRecordChars, sink);
      return;
    }
    try (Reader in = TextInput.open(SourceFiles.open(file), Charset.forName(source.encoding()), file.relative())) {
      parseText(source, file.relative(), in, maxRecordChars, sink);
    }
  }

  public static void parseText(SourceDefinition source, String sourceFile, Reader in, int maxRecordChars, IngestSink sink)
      throws IOException {
    switch (source.format()) {
      case "csv" -> CsvSourceParser.parse(source, sourceFile, in, maxRecordChars, sink);
      case "json-lines" -> JsonLinesSourceParser.parse(source, sourceFile, in, maxRecordChars, sink);
      case "json-map" -> JsonMapSourceParser.parse(source, sourceFile, in, maxRecordChars, sink);
      case "pif" -> PifSourceParser.parse(source, sourceFile, in, maxRecordChars, sink);
      default -> sink.failure("format '" + source.format() + "' is not supported");
    }
  }
}
