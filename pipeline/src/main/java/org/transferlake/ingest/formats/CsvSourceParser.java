package org.transferlake.ingest.formats;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.transferlake.ingest.catalog.SourceDefinition;

/** Reads one CSV file of a source: a header line, then one record per data line. */
final class CsvSourceParser {
  private CsvSourceParser() {}

  static void parse(SourceDefinition source, String sourceFile, Reader in, int maxRecordChars, IngestSink sink)
      throws IOException {
    CsvRecordReader reader = new CsvRecordReader(in, maxRecordChars);
    RecordMapper mapper = new RecordMapper(source, sink);
    CsvRecordReader.Framed header = reader.next();
    if (header == null) {
      sink.failure(sourceFile + " is empty: no header line");
      return;
    }
    if (header.problem() != null) {
      sink.failure(sourceFile + ": cannot read the header line: " + header.problem());
      return;
    }
    List<String> columns = new ArrayList<>();
    for (String name : CsvRecordReader.fields(header.text())) {
      columns.add(name.trim());
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      index.putIfAbsent(columns.get(i), i);
    }
    for (String required : mapper.requiredColumns()) {
      if (!index.containsKey(required)) {
        sink.failure(sourceFile + ": column '" + required + "' not found (header: " + String.join(", ", columns) + ")");
        return;
      }
    }
    long recordNumber = 0;
    for (CsvRecordReader.Framed framed = reader.next(); framed != null; framed = reader.next(), recordNumber++) {
      if (framed.problem() != null) {
        mapper.refuse(recordNumber, null, RejectCodes.MALFORMED_RECORD, framed.problem());
        continue;
      }
      List<String> fields;
      try {
        fields = CsvRecordReader.fields(framed.text());
      } catch (IOException e) {
        mapper.refuse(recordNumber, framed.text(), RejectCodes.MALFORMED_RECORD, "malformed CSV: " + e.getMessage());
        continue;
      }
      if (fields.size() != columns.size()) {
        mapper.refuse(recordNumber, framed.text(), RejectCodes.MALFORMED_RECORD, "expected " + columns.size() + " fields as in the header, found "
            + fields.size());
        continue;
      }
      List<String> values = fields;
      mapper.map(recordNumber, framed.text(), columns, column -> {
        Integer i = index.get(column);
        return i == null ? null : values.get(i);
      });
    }
  }
}
