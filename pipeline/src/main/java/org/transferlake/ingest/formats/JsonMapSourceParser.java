package org.transferlake.ingest.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.transferlake.ingest.catalog.SourceDefinition;

/**
 * Reads a JSON document of nested maps, {@code {group: {key: value}}}, streaming, so that a large document
 * never sits in memory whole. Each key → value entry is one record, numbered in document order across the
 * groups; a group is mapped like a column ({@code values[].column}) and {@value #KEY} names the entry's key
 * (as {@code record.id} or {@code record.formula}). A document cut short keeps every entry before the cut
 * and refuses the rest as one record with the reason.
 */
final class JsonMapSourceParser {
  /** The column that holds an entry's key. */
  static final String KEY = "$key";

  private JsonMapSourceParser() {}

  static void parse(SourceDefinition source, String sourceFile, Reader in, int maxRecordChars, IngestSink sink)
      throws IOException {
    RecordMapper mapper = new RecordMapper(source, sink);
    Set<String> mapped = new LinkedHashSet<>();
    source.values().forEach(v -> mapped.add(v.column()));
    Set<String> groups = new LinkedHashSet<>();
    long n = 0;
    try (JsonParser p = Json.MAPPER.createParser(in)) {
      JsonToken t = Json.firstToken(p, sourceFile, "no JSON document", sink);
      if (t == null) {
        return;
      }
      if (t != JsonToken.START_OBJECT) {
        sink.failure(sourceFile + ": expected a JSON object of groups ({group: {key: value}}), found " + t.asString());
        return;
      }
      try {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String group = p.currentName();
          groups.add(group);
          if (p.nextToken() != JsonToken.START_OBJECT) {
            mapper.refuse(n++, "{\"" + group + "\": " + rawValue(p) + "}", RejectCodes.MALFORMED_RECORD,
                "group '" + group + "' is not an object of key → value");
            continue;
          }
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            String rawValue = rawValue(p);
            String value = v == JsonToken.VALUE_NULL ? null
                : v == JsonToken.VALUE_STRING ? p.getText() : rawValue; // a container stays JSON: no number parses it
            String raw = "{\"" + group + "\": {" + Json.MAPPER.writeValueAsString(key) + ": " + rawValue + "}}";
            long number = n++;
            if (!mapped.contains(group)) {
              mapper.refuse(number, raw, RejectCodes.UNMAPPED, "group '" + group + "' is not mapped in "
                  + new java.io.File(source.definitionFile()).getName() + " (mapped: " + String.join(", ", mapped) + ")");
            } else if (raw.length() > maxRecordChars) {
              mapper.refuse(number, RecordMapper.abbreviate(raw), RejectCodes.MALFORMED_RECORD,
                  "record longer than " + maxRecordChars + " characters");
            } else if (value == null) {
              mapper.refuse(number, raw, RejectCodes.NO_VALUE, "no value for '" + key + "' in group '" + group + "'");
            } else {
              mapper.map(number, raw, List.of(group), column -> column.equals(group) ? value
                  : column.equals(KEY) ? key : null);
            }
          }
        }
        if (p.nextToken() != null) {
          mapper.refuse(n++, null, RejectCodes.MALFORMED_RECORD, "content after the end of the JSON document at line "
              + p.currentLocation().getLineNr() + ": not read");
        }
      } catch (JsonProcessingException e) {
        mapper.refuse(n, null, e instanceof JsonEOFException ? RejectCodes.TRUNCATED : RejectCodes.MALFORMED_RECORD,
            "the document cannot be read past this point: " + Json.describe(e) + "; the " + n
                + " entries before it are kept, anything after it is lost");
        return;
      }
    }
    Set<String> missing = Json.neverSeen(mapped, groups);
    if (!missing.isEmpty()) {
      sink.failure(sourceFile + ": group(s) " + missing + " not found (groups: " + String.join(", ", groups) + ")");
    }
  }

  /** The current value as JSON text, skipping over a container. */
  private static String rawValue(JsonParser p) throws IOException {
    if (p.currentToken().isStructStart()) {
      return Json.MAPPER.readTree(p).toString();
    }
    return p.currentToken() == JsonToken.VALUE_STRING ? Json.MAPPER.writeValueAsString(p.getText()) : p.getText();
  }
}
