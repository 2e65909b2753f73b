package org.transferlake.ingest.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.transferlake.ingest.catalog.SourceDefinition;

/**
 * Reads a JSON-lines file: one JSON object a line, its keys the columns. Blank lines are not records (as in
 * CSV); a line that is not a JSON object is refused on its own.
 */
final class JsonLinesSourceParser {
  private JsonLinesSourceParser() {}

  static void parse(SourceDefinition source, String sourceFile, Reader in, int maxRecordChars, IngestSink sink)
      throws IOException {
    BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
    RecordMapper mapper = new RecordMapper(source, sink);
    Set<String> seen = new HashSet<>();
    long recordNumber = 0;
    boolean first = true;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (first && line.startsWith("\uFEFF")) {
        line = line.substring(1); // a byte-order mark is not data
      }
      first = false;
      if (line.isBlank()) {
        continue;
      }
      long n = recordNumber++;
      if (line.length() > maxRecordChars) {
        mapper.refuse(n, RecordMapper.abbreviate(line), RejectCodes.MALFORMED_RECORD,
            "record longer than " + maxRecordChars + " characters");
        continue;
      }
      JsonNode node;
      try {
        node = Json.LINE.readTree(line);
      } catch (JsonProcessingException e) {
        mapper.refuse(n, line, RejectCodes.MALFORMED_RECORD, "not valid JSON: " + Json.describe(e));
        continue;
      }
      if (!node.isObject()) {
        mapper.refuse(n, line, RejectCodes.MALFORMED_RECORD, "expected a JSON object, found "
            + node.getNodeType().name().toLowerCase());
        continue;
      }
      List<String> columns = new ArrayList<>();
      node.fieldNames().forEachRemaining(columns::add);
      seen.addAll(columns);
      mapper.map(n, line, columns, column -> Json.text(node.get(column)));
    }
    if (recordNumber == 0) {
      sink.failure(sourceFile + " is empty: no JSON lines");
      return;
    }
    Set<String> missing = Json.neverSeen(mapper.essentialColumns(), seen);
    if (!missing.isEmpty()) {
      sink.failure(sourceFile + ": key(s) " + missing + " appear in no record (keys seen: " + new java.util.TreeSet<>(seen)
          + ")");
    }
  }
}
