package org.transferlake.ingest.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.transferlake.ingest.catalog.SourceDefinition;

/**
 * Reads a Citrine PIF file, streaming: a JSON array of systems (or a single system), one record per system,
 * flattened by {@link PifFlattener}. A document cut short keeps every system before the cut and refuses
 * the rest as one record with the reason.
 */
final class PifSourceParser {
  private PifSourceParser() {}

  static void parse(SourceDefinition source, String sourceFile, Reader in, int maxRecordChars, IngestSink sink)
      throws IOException {
    RecordMapper mapper = new RecordMapper(source, sink);
    Set<String> valueNames = new HashSet<>(); // a repeated value property is ambiguous; a repeated condition is not
    source.values().forEach(v -> valueNames.add(v.column().contains(".")
        ? v.column().substring(0, v.column().indexOf('.')) : v.column()));
    Set<String> seen = new HashSet<>();
    long n = 0;
    try (JsonParser p = Json.MAPPER.createParser(in)) {
      JsonToken t = Json.firstToken(p, sourceFile, "no PIF systems", sink);
      if (t == null) {
        return;
      }
      if (t != JsonToken.START_ARRAY && t != JsonToken.START_OBJECT) {
        sink.failure(sourceFile + ": expected a PIF system or an array of systems, found " + t.asString());
        return;
      }
      boolean array = t == JsonToken.START_ARRAY;
      try {
        for (t = array ? p.nextToken() : t; t != null && t != JsonToken.END_ARRAY; t = array ? p.nextToken() : null) {
          JsonNode system = Json.MAPPER.readTree(p);
          long number = n++;
          String raw = system.toString();
          if (!system.isObject()) {
            mapper.refuse(number, raw, RejectCodes.MALFORMED_RECORD, "not a PIF system (a JSON object)");
          } else if (raw.length() > maxRecordChars) {
            mapper.refuse(number, RecordMapper.abbreviate(raw), RejectCodes.MALFORMED_RECORD,
                "record longer than " + maxRecordChars + " characters");
          } else {
            map(mapper, number, raw, PifFlattener.flatten(system), valueNames, seen);
          }
        }
        if (p.nextToken() != null) {
          mapper.refuse(n++, null, RejectCodes.MALFORMED_RECORD, "content after the end of the JSON document at line "
              + p.currentLocation().getLineNr() + ": not read");
        }
      } catch (JsonProcessingException e) {
        mapper.refuse(n, null, e instanceof JsonEOFException ? RejectCodes.TRUNCATED : RejectCodes.MALFORMED_RECORD,
            "the document cannot be read past this point: " + Json.describe(e) + "; the " + n
                + " systems before it are kept, anything after it is lost");
        return;
      }
    }
    Set<String> missing = Json.neverSeen(mapper.essentialColumns(), seen);
    if (n > 0 && !missing.isEmpty()) {
      sink.failure(sourceFile + ": field(s) " + missing + " appear in no PIF system");
    } else if (n == 0) {
      sink.failure(sourceFile + " holds no PIF systems");
    }
  }

  private static void map(RecordMapper mapper, long number, String raw, PifFlattener.Flat flat, Set<String> valueNames,
      Set<String> seen) {
    List<String> ambiguous = new ArrayList<>(flat.repeated());
    ambiguous.retainAll(valueNames);
    if (!ambiguous.isEmpty()) {
      mapper.refuse(number, raw, RejectCodes.MALFORMED_RECORD, "the system holds several properties named "
          + ambiguous + ": which one to map is not known");
      return;
    }
    seen.addAll(flat.fields().keySet());
    mapper.map(number, raw, List.copyOf(flat.fields().keySet()), flat.fields()::get);
  }
}
