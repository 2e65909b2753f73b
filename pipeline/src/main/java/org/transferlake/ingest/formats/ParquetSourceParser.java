package org.transferlake.ingest.formats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.transferlake.ingest.catalog.SourceDefinition;
import org.transferlake.ingest.catalog.SourceFiles;

/** Reads a Parquet file: one record per row, in file order; the columns are the schema's top-level fields. */
final class ParquetSourceParser {
  private ParquetSourceParser() {}

  static void parse(SourceDefinition source, SourceFiles.File file, int maxRecordChars, IngestSink sink)
      throws IOException {
    Configuration conf = new Configuration();
    Path path = SourceFiles.path(file);
    MessageType schema;
    try (ParquetFileReader footer = ParquetFileReader.open(HadoopInputFile.fromPath(path, conf))) {
      schema = footer.getFooter().getFileMetaData().getSchema();
    } catch (IOException | RuntimeException e) {
      sink.failure(file.relative() + " is not a readable Parquet file: " + e.getMessage());
      return;
    }
    List<String> columns = schema.getFields().stream().map(Type::getName).toList();
    RecordMapper mapper = new RecordMapper(source, sink);
    for (String required : mapper.requiredColumns()) {
      if (!columns.contains(required)) {
        sink.failure(file.relative() + ": column '" + required + "' not found (schema: " + String.join(", ", columns) + ")");
        return;
      }
    }
    long recordNumber = 0;
    try (ParquetReader<Group> rows = ParquetReader.builder(new GroupReadSupport(), path).withConf(conf).build()) {
      for (Group row = rows.read(); row != null; row = rows.read(), recordNumber++) {
        Group r = row;
        String raw = render(r, columns);
        if (raw.length() > maxRecordChars) {
          mapper.refuse(recordNumber, RecordMapper.abbreviate(raw), RejectCodes.MALFORMED_RECORD,
              "record longer than " + maxRecordChars + " characters");
          continue;
        }
        mapper.map(recordNumber, raw, columns, column -> value(r, column));
      }
    } catch (IOException | RuntimeException e) {
      // A damaged page: the rows before it stay, what follows is one refused record with the reason.
      mapper.refuse(recordNumber, null, RejectCodes.TRUNCATED, "rows from " + recordNumber
          + " on cannot be read: " + e.getMessage());
    }
  }

  /** A cell as text: null when empty, a repeated field as a list (which no number parses). */
  private static String value(Group row, String column) {
    int i = row.getType().getFieldIndex(column);
    int count = row.getFieldRepetitionCount(i);
    if (count == 0) {
      return null;
    }
    boolean primitive = row.getType().getType(i).isPrimitive();
    if (count == 1) {
      return primitive ? row.getValueToString(i, 0) : row.getGroup(i, 0).toString().strip();
    }
    List<String> values = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      values.add(primitive ? row.getValueToString(i, k) : row.getGroup(i, k).toString().strip());
    }
    return values.toString();
  }

  /** The row as a JSON object, for the reject table. */
  private static String render(Group row, List<String> columns) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    for (String column : columns) {
      out.put(column, value(row, column));
    }
    return out.toString();
  }
}
