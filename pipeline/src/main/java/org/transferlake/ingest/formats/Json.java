package org.transferlake.ingest.formats;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/** The JSON reading every JSON format shares: one configured mapper, values as fields, errors in words. */
public final class Json {
  /**
   * Python's json module writes NaN and Infinity: reading them lets the value be refused as not finite
   * instead of losing the rest of the document.
   */
  public static final ObjectMapper MAPPER = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  /** Reads one JSON-lines line: anything after its value is an error (a streamed document reads on instead). */
  static final ObjectReader LINE = MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  /** A JSON value as a field: scalars as their text, null and absence as missing, containers as their JSON. */
  static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }

  /** What went wrong and where, for a reject reason. */
  /** The document's first token, or null once the sink knows why the file cannot be read (not JSON, or empty). */
  static JsonToken firstToken(JsonParser p, String sourceFile, String emptyMeans, IngestSink sink) throws IOException {
    JsonToken t;
    try {
      t = p.nextToken();
    } catch (JsonProcessingException e) {
      sink.failure(sourceFile + " is not a JSON document: " + describe(e));
      return null;
    }
    if (t == null) {
      sink.failure(sourceFile + " is empty: " + emptyMeans);
    }
    return t;
  }

  static String describe(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    return e.getOriginalMessage().lines().findFirst().orElse("")
        + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
  }

  /** The essential columns that no record held, for the failure of a file without a header. */
  static Set<String> neverSeen(Collection<String> essential, Set<String> seen) {
    Set<String> out = new TreeSet<>(essential);
    out.removeAll(seen);
    return out;
  }
}
