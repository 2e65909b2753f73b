package org.transferlake.featurize;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.attribute.NumericAttribute;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import scala.Function1;

/**
 * The composition featurizer as an MLlib stage: reads a column of composition keys (or formulas) and
 * appends the preset's features, as one vector column (layout {@code vector}, for MLlib; the vector's
 * attributes name every feature) or as one double column per feature (layout {@code columns}, as the lake
 * stores them). Saved with a {@code PipelineModel}, it carries its element table along.
 *
 * <p>It computes on Spark's internal rows, one kernel and one set of buffers per partition: the public
 * Row API would box every one of the 132 doubles of every row.
 */
public final class CompositionFeaturizerTransformer extends Transformer implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;
  private static final DefaultParamsReadable<CompositionFeaturizerTransformer> READABLE = new DefaultParamsReadable<>() {};

  public static final List<String> INPUT_KINDS = List.of("key", "formula");
  public static final List<String> HANDLE_INVALID = List.of("error", "skip", "keep-null");
  public static final List<String> OUTPUT_LAYOUTS = List.of("vector", "columns");

  private final String uid;
  private final Param<String> inputCol;
  private final Param<String> outputCol;
  private final Param<String> preset;
  private final Param<String> inputKind;
  private final Param<String> handleInvalid;
  private final Param<String> outputLayout;
  private final Param<String> missingCountCol;
  private final ElementTableParam elementTable;

  public CompositionFeaturizerTransformer() {
    this(Identifiable.randomUID("compositionFeaturizer"));
  }

  /** The constructor MLlib's reader calls with the saved uid. */
  public CompositionFeaturizerTransformer(String uid) {
    this.uid = uid;
    inputCol = new Param<>(this, "inputCol", "column of composition keys or formulas (strings)", notBlank());
    outputCol = new Param<>(this, "outputCol", "the vector column written in layout vector", notBlank());
    preset = new Param<>(this, "preset", "feature preset: " + FeaturizerPresets.KNOWN,
        (Function1<String, Object>) FeaturizerPresets::isKnown);
    inputKind = new Param<>(this, "inputKind", "what inputCol holds: key (canonical composition keys, as the lake"
        + " stores them) or formula (any formula the parser reads)", ParamValidators.inArray(INPUT_KINDS));
    handleInvalid = new Param<>(this, "handleInvalid", "a row whose composition cannot be read: error (fail,"
        + " naming the value), skip (drop the row) or keep-null (keep it with null features)",
        ParamValidators.inArray(HANDLE_INVALID));
    outputLayout = new Param<>(this, "outputLayout", "vector (one column outputCol, for MLlib) or columns (one"
        + " double column per feature, named as in the lake)", ParamValidators.inArray(OUTPUT_LAYOUTS));
    missingCountCol = new Param<>(this, "missingCountCol", "if not empty, an int column counting the (element,"
        + " property) values the composition's elements lack in the element table (imputed or NaN)",
        (Function1<String, Object>) name -> name != null);
    elementTable = new ElementTableParam(this, "elementTable", "the raw element table the preset reads (saved with"
        + " the stage); for a combination, its parts' side by side, each property named <part>:<property>");
    setDefault(inputCol, "composition_key");
    setDefault(outputCol, "features");
    setDefault(preset, "magpie");
    setDefault(inputKind, "key");
    setDefault(handleInvalid, "error");
    setDefault(outputLayout, "vector");
    setDefault(missingCountCol, "");
  }

  @Override
  public String uid() {
    return uid;
  }

  public Param<String> inputCol() {
    return inputCol;
  }

  public Param<String> outputCol() {
    return outputCol;
  }

  public Param<String> preset() {
    return preset;
  }

  public Param<String> inputKind() {
    return inputKind;
  }

  public Param<String> handleInvalid() {
    return handleInvalid;
  }

  public Param<String> outputLayout() {
    return outputLayout;
  }

  public Param<String> missingCountCol() {
    return missingCountCol;
  }

  public ElementTableParam elementTable() {
    return elementTable;
  }

  public String getInputCol() {
    return getOrDefault(inputCol);
  }

  public String getOutputCol() {
    return getOrDefault(outputCol);
  }

  public String getPreset() {
    return getOrDefault(preset);
  }

  public String getInputKind() {
    return getOrDefault(inputKind);
  }

  public String getHandleInvalid() {
    return getOrDefault(handleInvalid);
  }

  public String getOutputLayout() {
    return getOrDefault(outputLayout);
  }

  public String getMissingCountCol() {
    return getOrDefault(missingCountCol);
  }

  /** The element table, or null when none is set. */
  public ElementTable getElementTable() {
    return isDefined(elementTable) ? getOrDefault(elementTable) : null;
  }

  public CompositionFeaturizerTransformer setInputCol(String value) {
    set(inputCol, value);
    return this;
  }

  public CompositionFeaturizerTransformer setOutputCol(String value) {
    set(outputCol, value);
    return this;
  }

  public CompositionFeaturizerTransformer setPreset(String value) {
    if (!FeaturizerPresets.isKnown(value)) {
      throw new IllegalArgumentException(preset.name() + " = '" + value + "': expected " + FeaturizerPresets.KNOWN);
    }
    set(preset, value);
    return this;
  }

  public CompositionFeaturizerTransformer setInputKind(String value) {
    set(inputKind, oneOf(inputKind, value, INPUT_KINDS));
    return this;
  }

  public CompositionFeaturizerTransformer setHandleInvalid(String value) {
    set(handleInvalid, oneOf(handleInvalid, value, HANDLE_INVALID));
    return this;
  }

  public CompositionFeaturizerTransformer setOutputLayout(String value) {
    set(outputLayout, oneOf(outputLayout, value, OUTPUT_LAYOUTS));
    return this;
  }

  public CompositionFeaturizerTransformer setMissingCountCol(String value) {
    set(missingCountCol, value);
    return this;
  }

  public CompositionFeaturizerTransformer setElementTable(ElementTable value) {
    set(elementTable, value);
    return this;
  }

  /** The kernel these params describe; fails, naming the param, when the preset lacks its element table. */
  public CompositionFeaturizer featurizer() {
    String name = getPreset();
    List<String> needed = FeaturizerPresets.elementProperties(name);
    if (needed.isEmpty()) {
      return FeaturizerPresets.create(name, null);
    }
    ElementTable table = getElementTable();
    if (table == null) {
      throw new IllegalArgumentException("preset " + name + " reads an element table: set param elementTable"
          + " (LakeElementTable.forPreset gives the lake's)");
    }
    if (!table.properties().equals(needed)) {
      throw new IllegalArgumentException("param elementTable has the properties " + table.properties()
          + " but preset " + name + " needs " + needed + " in that order");
    }
    return FeaturizerPresets.create(name, table);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    String in = getInputCol();
    if (!Arrays.asList(schema.fieldNames()).contains(in)) {
      throw new IllegalArgumentException("inputCol '" + in + "' is not a column; columns: "
          + String.join(", ", schema.fieldNames()));
    }
    if (!schema.apply(in).dataType().equals(DataTypes.StringType)) {
      throw new IllegalArgumentException("inputCol '" + in + "' must hold strings, not "
          + schema.apply(in).dataType().simpleString());
    }
    featurizer();
    boolean nullable = getHandleInvalid().equals("keep-null");
    List<String> names = FeaturizerPresets.featureNames(getPreset());
    StructType out = schema;
    if (getOutputLayout().equals("vector")) {
      Attribute[] attributes = new Attribute[names.size()];
      for (int i = 0; i < attributes.length; i++) {
        attributes[i] = NumericAttribute.defaultAttr().withName(names.get(i)).withIndex(i);
      }
      StructField vector = new AttributeGroup(getOutputCol(), attributes).toStructField();
      out = add(out, new StructField(vector.name(), vector.dataType(), nullable, vector.metadata()));
    } else {
      for (String name : names) {
        out = add(out, DataTypes.createStructField(name, DataTypes.DoubleType, nullable));
      }
    }
    if (!getMissingCountCol().isEmpty()) {
      out = add(out, DataTypes.createStructField(getMissingCountCol(), DataTypes.IntegerType, nullable));
    }
    return out;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    return transformCounting(dataset, null);
  }

  /**
   * {@link #transform(Dataset)}, adding one to {@code rowsDone} per row featurized so that a driver can
   * report progress.
   */
  public Dataset<Row> transformCounting(Dataset<?> dataset, LongAccumulator rowsDone) {
    StructType schema = transformSchema(dataset.schema(), true);
    PartitionFeaturizer partitions = new PartitionFeaturizer(featurizer(), getInputCol(),
        dataset.schema().fieldIndex(getInputCol()),
        PartitionFeaturizer.InputKind.valueOf(getInputKind().toUpperCase(Locale.ROOT)),
        PartitionFeaturizer.Invalid.valueOf(getHandleInvalid().replace('-', '_').toUpperCase(Locale.ROOT)),
        getOutputLayout().equals("vector"), !getMissingCountCol().isEmpty(), rowsDone);
    return InternalRows.map(dataset, schema, partitions::apply);
  }

  @Override
  public CompositionFeaturizerTransformer copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  /** For {@code PipelineModel.load}, which calls a static {@code read()} on each stage's class. */
  public static MLReader<CompositionFeaturizerTransformer> read() {
    return READABLE.read();
  }

  public static CompositionFeaturizerTransformer load(String path) {
    return READABLE.load(path);
  }

  private static StructType add(StructType schema, StructField field) {
    if (Arrays.asList(schema.fieldNames()).contains(field.name())) {
      throw new IllegalArgumentException("output column '" + field.name() + "' already exists");
    }
    return schema.add(field);
  }

  private static Function1<String, Object> notBlank() {
    return value -> value != null && !value.isBlank();
  }

  /** Checks before MLlib does, to name the allowed values in the message. */
  private static String oneOf(Param<String> param, String value, List<String> allowed) {
    if (!allowed.contains(value)) {
      throw new IllegalArgumentException(param.name() + " = '" + value + "': expected one of " + allowed);
    }
    return value;
  }
}
