package org.transferlake.ingest;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.transferlake.ingest.formats.IngestSink;

/**
 * What parsing yields, as rows of one schema so that a single Spark pass over the files feeds every table:
 * {@code kind} says which fields are set (record, observation, element_value, reject, failure, file). A record
 * row is one waiting for {@link IdResolution} ({@code accepted} null, until resolved), as is an observation
 * without a composition key; records the parser settles are counted in their file's row.
 */
final class IngestItems {
  static final String RECORD = "record";
  static final String OBSERVATION = "observation";
  static final String ELEMENT_VALUE = "element_value";
  static final String REJECT = "reject";
  static final String FAILURE = "failure";
  /**
   * One per file read, carrying the seconds it took and its records counted as read and accepted: a record
   * settled by the parser is only counted, so a large file does not double its rows.
   */
  static final String FILE = "file";

  static final StructType SCHEMA = new StructType()
      .add("kind", DataTypes.StringType, false)
      .add("source_id", DataTypes.StringType, false)
      .add("source_file", DataTypes.StringType, false)
      .add("file_sha256", DataTypes.StringType, true)
      .add("record_number", DataTypes.LongType, true)
      .add("accepted", DataTypes.BooleanType, true)
      .add("composition_key", DataTypes.StringType, true)
      .add("formula_raw", DataTypes.StringType, true)
      .add("value_double", DataTypes.DoubleType, true)
      .add("value_label", DataTypes.StringType, true)
      .add("unit", DataTypes.StringType, true)
      .add("property", DataTypes.StringType, true)
      .add("fidelity", DataTypes.StringType, true)
      .add("source_record_id", DataTypes.StringType, true)
      .add("conditions", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), true)
      .add("element", DataTypes.StringType, true)
      .add("atomic_number", DataTypes.IntegerType, true)
      .add("field", DataTypes.StringType, true)
      .add("raw_record", DataTypes.StringType, true)
      .add("reason_code", DataTypes.StringType, true)
      .add("reason", DataTypes.StringType, true)
      .add("seconds", DataTypes.DoubleType, true)
      .add("records", DataTypes.LongType, true)
      .add("records_accepted", DataTypes.LongType, true);

  private static final int COMPOSITION_KEY = SCHEMA.fieldIndex("composition_key");
  private static final int FORMULA_RAW = SCHEMA.fieldIndex("formula_raw");
  private static final int VALUE_DOUBLE = SCHEMA.fieldIndex("value_double");
  private static final int VALUE_LABEL = SCHEMA.fieldIndex("value_label");
  private static final int UNIT = SCHEMA.fieldIndex("unit");
  private static final int PROPERTY = SCHEMA.fieldIndex("property");
  private static final int FIDELITY = SCHEMA.fieldIndex("fidelity");
  private static final int SOURCE_RECORD_ID = SCHEMA.fieldIndex("source_record_id");
  private static final int CONDITIONS = SCHEMA.fieldIndex("conditions");
  private static final int ELEMENT = SCHEMA.fieldIndex("element");
  private static final int ATOMIC_NUMBER = SCHEMA.fieldIndex("atomic_number");
  private static final int FIELD = SCHEMA.fieldIndex("field");
  private static final int RAW_RECORD = SCHEMA.fieldIndex("raw_record");
  private static final int REASON_CODE = SCHEMA.fieldIndex("reason_code");
  private static final int REASON = SCHEMA.fieldIndex("reason");
  private static final int SECONDS = SCHEMA.fieldIndex("seconds");
  private static final int RECORDS = SCHEMA.fieldIndex("records");
  private static final int RECORDS_ACCEPTED = SCHEMA.fieldIndex("records_accepted");

  private IngestItems() {}

  /** The rows as items again, in the schema's column order, with some columns replaced. */
  static Dataset<Row> project(Dataset<Row> rows, Map<String, Column> replaced) {
    Column[] columns = new Column[SCHEMA.length()];
    for (int i = 0; i < columns.length; i++) {
      StructField f = SCHEMA.fields()[i];
      Column c = replaced.get(f.name());
      columns[i] = c == null ? col(f.name()) : c.cast(f.dataType()).as(f.name());
    }
    return rows.select(columns);
  }

  /** Collects one file's items as rows. */
  static final class RowSink implements IngestSink {
    private final String sourceId;
    private final String sourceFile;
    private final String fileSha256;
    private final List<Row> rows = new ArrayList<>();
    private long records;
    private long recordsAccepted;

    RowSink(String sourceId, String sourceFile, String fileSha256) {
      this.sourceId = sourceId;
      this.sourceFile = sourceFile;
      this.fileSha256 = fileSha256;
    }

    List<Row> rows() {
      return rows;
    }

    @Override
    public void record(long recordNumber, boolean accepted) {
      records++;
      if (accepted) {
        recordsAccepted++;
      }
    }

    @Override
    public void pendingRecord(long recordNumber, String id, String rawRecord) {
      Object[] v = item(RECORD, recordNumber);
      v[SOURCE_RECORD_ID] = id;
      v[RAW_RECORD] = rawRecord;
      add(v);
    }

    @Override
    public void observation(long recordNumber, String compositionKey, String formulaRaw, Double valueDouble,
        String valueLabel, String unit, String property, String fidelity, String sourceRecordId,
        Map<String, String> conditions) {
      Object[] v = item(OBSERVATION, recordNumber);
      v[COMPOSITION_KEY] = compositionKey;
      v[FORMULA_RAW] = formulaRaw;
      v[VALUE_DOUBLE] = valueDouble;
      v[VALUE_LABEL] = valueLabel;
      v[UNIT] = unit;
      v[PROPERTY] = property;
      v[FIDELITY] = fidelity;
      v[SOURCE_RECORD_ID] = sourceRecordId;
      v[CONDITIONS] = conditions.isEmpty() ? null : scala.jdk.javaapi.CollectionConverters.asScala(conditions);
      add(v);
    }

    @Override
    public void elementValue(long recordNumber, String element, int atomicNumber, String property, double value,
        String unit) {
      Object[] v = item(ELEMENT_VALUE, recordNumber);
      v[ELEMENT] = element;
      v[ATOMIC_NUMBER] = atomicNumber;
      v[PROPERTY] = property;
      v[VALUE_DOUBLE] = value;
      v[UNIT] = unit;
      add(v);
    }

    @Override
    public void reject(long recordNumber, String field, String rawRecord, String code, String reason) {
      Object[] v = item(REJECT, recordNumber);
      v[FIELD] = field;
      v[RAW_RECORD] = rawRecord;
      v[REASON_CODE] = code;
      v[REASON] = reason;
      add(v);
    }

    @Override
    public void failure(String message) {
      Object[] v = item(FAILURE, null);
      v[REASON] = message;
      add(v);
    }

    void fileDone(double seconds) {
      Object[] v = item(FILE, null);
      v[SECONDS] = seconds;
      v[RECORDS] = records;
      v[RECORDS_ACCEPTED] = recordsAccepted;
      add(v);
    }

    private Object[] item(String kind, Long recordNumber) {
      Object[] v = new Object[SCHEMA.length()];
      v[0] = kind;
      v[1] = sourceId;
      v[2] = sourceFile;
      v[3] = fileSha256;
      v[4] = recordNumber;
      return v;
    }

    private void add(Object[] values) {
      rows.add(RowFactory.create(values));
    }
  }
}
