package org.transferlake.ingest.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.Type;
import org.transferlake.config.SettingsException;

/**
 * The column names of a data file, from its header alone: a CSV's first record (UTF-8), the keys of a JSON-lines
 * file's first objects, a Parquet footer's top-level fields. Names are trimmed, as ingest trims a CSV header.
 */
final class HeaderReader {
  /** The file's format, as a source definition names it, and its columns in file order. */
  record Header(String format, List<String> columns) {}

  /** JSON-lines objects whose keys make the columns. */
  private static final int JSON_LINES = 20;

  private HeaderReader() {}

  /** @throws SettingsException when the file is missing, of another format, or its header cannot be read */
  static Header read(File file) {
    if (!file.isFile()) {
      throw new SettingsException(file + ": no such file");
    }
    String format = format(file);
    List<String> columns;
    try {
      columns = switch (format) {
        case "csv" -> csv(file);
        case "json-lines" -> jsonLines(file);
        default -> parquet(file);
      };
    } catch (SettingsException e) {
      throw e;
    } catch (CharacterCodingException e) {
      throw new SettingsException(file + ": the header is not UTF-8; convert the file to UTF-8");
    } catch (IOException | RuntimeException e) {
      throw new SettingsException(file + ": cannot read its header as " + format + ": " + e.getMessage(), e);
    }
    if (columns.isEmpty()) {
      throw new SettingsException(file + ": no columns in its header");
    }
    return new Header(format, columns);
  }

  private static String format(File file) {
    String name = file.getName().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return "csv";
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return "json-lines";
    }
    if (name.endsWith(".parquet") || name.endsWith(".pq")) {
      return "parquet";
    }
    throw new SettingsException(file + ": cannot tell the format from the name: expected .csv, .jsonl (JSON lines,"
        + " also .ndjson, .json) or .parquet");
  }

  private static BufferedReader utf8(File file) throws IOException {
    return new BufferedReader(new InputStreamReader(new FileInputStream(file), StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
  }

  private static List<String> csv(File file) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader in = utf8(file)) {
      in.mark(1);
      if (in.read() != '\uFEFF') {
        in.reset(); // no byte-order mark: the first character is data
      }
      try (CSVParser parser = CSVFormat.RFC4180.parse(in)) {
        Iterator<CSVRecord> records = parser.iterator();
        if (records.hasNext()) {
          records.next().forEach(name -> out.add(name.trim()));
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return out;
  }

  private static List<String> jsonLines(File file) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    Set<String> out = new LinkedHashSet<>();
    int objects = 0;
    int lineNumber = 0;
    try (BufferedReader in = utf8(file)) {
      for (String line = in.readLine(); line != null && objects < JSON_LINES; line = in.readLine()) {
        lineNumber++;
        if (lineNumber == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
          node = null;
        }
        if (node == null || !node.isObject()) {
          if (objects == 0) {
            throw new SettingsException(file + ": line " + lineNumber + " is not a JSON object: JSON lines hold one"
                + " object a line (another JSON document needs a definition written by hand: format json-map or pif)");
          }
          break; // ingest refuses such a line on its own; the keys so far make the header
        }
        node.fieldNames().forEachRemaining(out::add);
        objects++;
      }
    }
    return new ArrayList<>(out);
  }

  private static List<String> parquet(File file) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(file.toURI()),
        new Configuration()))) {
      return reader.getFooter().getFileMetaData().getSchema().getFields().stream().map(Type::getName).toList();
    }
  }
}
