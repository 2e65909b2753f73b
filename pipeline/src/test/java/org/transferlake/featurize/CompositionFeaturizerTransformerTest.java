package org.transferlake.featurize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.feature.VectorSlicer;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.composition.FormulaParser;
import org.transferlake.testing.SharedCsv;
import org.transferlake.testing.TestSpark;

class CompositionFeaturizerTransformerTest {
  private static final StructType INPUT = new StructType()
      .add("id", DataTypes.IntegerType, false)
      .add("formula", DataTypes.StringType, true);

  private static SparkSession spark;
  private static ElementTable magpieTable;

  @TempDir
  File tmp;

  @BeforeAll
  static void setUp() {
    spark = TestSpark.session();
    magpieTable = ElementTable.fromRows(MagpiePreset.PROPERTIES, MagpieElementRows.read());
  }

  @Test
  void defaults() {
    CompositionFeaturizerTransformer t = new CompositionFeaturizerTransformer();
    assertEquals("composition_key", t.getInputCol());
    assertEquals("features", t.getOutputCol());
    assertEquals("magpie", t.getPreset());
    assertEquals("key", t.getInputKind());
    assertEquals("error", t.getHandleInvalid());
    assertEquals("vector", t.getOutputLayout());
    assertEquals("", t.getMissingCountCol());
    assertNull(t.getElementTable());
    assertTrue(t.uid().startsWith("compositionFeaturizer_"));
  }

  @Test
  void invalidParamValuesAreRefusedNamingParamAndValue() {
    CompositionFeaturizerTransformer t = new CompositionFeaturizerTransformer();
    assertEquals("preset = 'magpi': expected one of [magpie, magpie_no_imputation, fractions, oliynyk, mat2vec], or"
        + " two or more of them joined by + (\"magpie+oliynyk\")",
        assertThrows(IllegalArgumentException.class, () -> t.setPreset("magpi")).getMessage());
    assertEquals("inputKind = 'smiles': expected one of [key, formula]",
        assertThrows(IllegalArgumentException.class, () -> t.setInputKind("smiles")).getMessage());
    assertEquals("handleInvalid = 'keep': expected one of [error, skip, keep-null]",
        assertThrows(IllegalArgumentException.class, () -> t.setHandleInvalid("keep")).getMessage());
    assertEquals("outputLayout = 'rows': expected one of [vector, columns]",
        assertThrows(IllegalArgumentException.class, () -> t.setOutputLayout("rows")).getMessage());
    String message = assertThrows(IllegalArgumentException.class, () -> t.setInputCol(" ")).getMessage();
    assertTrue(message.contains("inputCol"), message);
    // MLlib's own validators guard values that come in through a ParamMap, not a setter
    message = assertThrows(IllegalArgumentException.class,
        () -> t.copy(new ParamMap().put(t.preset().w("magpi")))).getMessage();
    assertTrue(message.contains("preset") && message.contains("magpi"), message);
  }

  @Test
  void schemaProblemsAreNamedBeforeAnythingRuns() {
    StructType schema = new StructType().add("formula", DataTypes.StringType).add("n", DataTypes.IntegerType);
    CompositionFeaturizerTransformer t = new CompositionFeaturizerTransformer().setInputCol("formula");
    assertTrue(message(() -> t.transformSchema(schema)).startsWith("preset magpie reads an element table"));
    t.setElementTable(ElementTable.fromRows(List.of("Number"), MagpieElementRows.read()));
    assertTrue(message(() -> t.transformSchema(schema)).startsWith("param elementTable has the properties [Number]"));
    t.setElementTable(magpieTable);
    assertEquals("inputCol 'key' is not a column; columns: formula, n",
        message(() -> t.copy(ParamMap.empty()).setInputCol("key").transformSchema(schema)));
    assertEquals("inputCol 'n' must hold strings, not int",
        message(() -> t.copy(ParamMap.empty()).setInputCol("n").transformSchema(schema)));
    assertEquals("output column 'n' already exists",
        message(() -> t.copy(ParamMap.empty()).setOutputCol("n").transformSchema(schema)));
    assertEquals("output column 'formula' already exists", message(() -> new CompositionFeaturizerTransformer()
        .setInputCol("formula").setPreset("fractions").setMissingCountCol("formula").transformSchema(schema)));
  }

  @Test
  void matchesMatminerThroughSparkWithImputation() {
    assertMatchesMatminer(MatminerReference.IMPUTED, "magpie");
  }

  @Test
  void matchesMatminerThroughSparkWithoutImputation() {
    assertMatchesMatminer(MatminerReference.NOT_IMPUTED, "magpie_no_imputation");
  }

  @Test
  void theVectorsAttributesAndTheLakeColumnsNameTheSameFeaturesInTheSameOrder() {
    Dataset<Row> input = formulas("Fe2O3", "Hg0.7Cd0.3Te", "CuSO4·5H2O", "He", "Li2MnNi3O8");
    CompositionFeaturizerTransformer vector = magpie("magpie_no_imputation").setMissingCountCol("missing");
    CompositionFeaturizerTransformer columns = vector.copy(ParamMap.empty()).setOutputLayout("columns");
    Dataset<Row> asVector = vector.transform(input).orderBy("id");
    Dataset<Row> asColumns = columns.transform(input).orderBy("id");
    List<String> names = FeaturizerPresets.featureNames("magpie_no_imputation");

    AttributeGroup attributes = AttributeGroup.fromStructField(asVector.schema().apply("features"));
    assertEquals(names.size(), attributes.size());
    for (int i = 0; i < names.size(); i++) {
      assertEquals(names.get(i), attributes.getAttr(i).name().get());
    }
    List<String> expectedColumns = new ArrayList<>(List.of("id", "formula"));
    expectedColumns.addAll(names);
    expectedColumns.add("missing");
    assertEquals(expectedColumns, Arrays.asList(asColumns.columns()));

    List<Row> v = asVector.collectAsList();
    List<Row> c = asColumns.collectAsList();
    for (int r = 0; r < v.size(); r++) {
      double[] fromVector = ((Vector) v.get(r).getAs("features")).toArray();
      double[] fromColumns = new double[names.size()];
      for (int i = 0; i < names.size(); i++) {
        fromColumns[i] = c.get(r).getDouble(c.get(r).fieldIndex(names.get(i)));
      }
      assertArrayEquals(fromVector, fromColumns, v.get(r).getString(1));
      assertEquals(v.get(r).<Integer>getAs("missing"), c.get(r).<Integer>getAs("missing"));
    }
    assertEquals(0, (int) v.get(0).<Integer>getAs("missing"), "Fe and O have every Magpie property");
    assertTrue(v.get(3).<Integer>getAs("missing") > 0, "He lacks a melting point");
  }

  @Test
  void handleInvalidFailsSkipsOrKeepsNull() {
    SharedCsv refused = SharedCsv.read("reference/magpie_unparseable_by_matminer.csv");
    List<String> formulas = new ArrayList<>();
    refused.rows().forEach(row -> formulas.add(row[refused.column("formula")]));
    formulas.add(null);
    assertEquals(List.of("CuSO4·5H2O", "In1p1", "D2O", "[Co(NH3)6]Cl3"), formulas.subList(0, 4));
    Dataset<Row> input = formulas(formulas.toArray(String[]::new));
    CompositionFeaturizerTransformer t = new CompositionFeaturizerTransformer()
        .setInputCol("formula").setInputKind("formula").setPreset("fractions");

    Exception e = assertThrows(Exception.class, () -> t.transform(input).collectAsList());
    String chain = messages(e);
    // Which invalid row fails the job first depends on task order: either names its formula and reason.
    assertTrue(chain.contains("formula = 'In1p1': unexpected character 'p' at 3 (set handleInvalid to skip or keep-null")
        || chain.contains("formula = 'D2O': unknown element 'D' at 0 (set handleInvalid to skip or keep-null"), chain);

    List<Row> skipped = t.copy(ParamMap.empty()).setHandleInvalid("skip").transform(input).orderBy("id").collectAsList();
    assertEquals(List.of("CuSO4·5H2O", "[Co(NH3)6]Cl3"), skipped.stream().map(r -> r.getString(1)).toList(),
        "the hydrate and the complex are read; In1p1, D2O and null are not");

    List<Row> kept = t.copy(ParamMap.empty()).setHandleInvalid("keep-null").transform(input).orderBy("id")
        .collectAsList();
    assertEquals(5, kept.size());
    assertTrue(kept.get(0).getAs("features") instanceof Vector);
    assertTrue(kept.get(1).isNullAt(2) && kept.get(2).isNullAt(2) && kept.get(4).isNullAt(2));
  }

  @Test
  void keysMustBeCanonical() {
    Dataset<Row> input = formulas("Fe2O3", "O3Fe2");
    CompositionFeaturizerTransformer t = new CompositionFeaturizerTransformer()
        .setInputCol("formula").setPreset("fractions").setHandleInvalid("keep-null");
    List<Row> rows = t.transform(input).orderBy("id").collectAsList();
    assertEquals(0.4, ((Vector) rows.get(0).getAs("features")).apply(25), 1e-15, "Fe");
    assertTrue(rows.get(1).isNullAt(2), "O3Fe2 is a formula, not a key");
  }

  @Test
  void countsEveryRowItFeaturizes() {
    LongAccumulator done = spark.sparkContext().longAccumulator("test rows");
    Dataset<Row> input = formulas("Fe2O3", "NaCl", "In1p1").repartition(2);
    new CompositionFeaturizerTransformer().setInputCol("formula").setInputKind("formula").setPreset("fractions")
        .setHandleInvalid("skip").transformCounting(input, done).count();
    assertEquals(3, done.value(), "skipped rows are done too");
  }

  @Test
  void survivesAPipelineModelSaveAndLoadWithItsElementTable() throws IOException {
    SharedCsv gaps = SharedCsv.read("data/crabnet/matbench/expt_gap.csv");
    Dataset<Row> data = formulas(gaps.rows().subList(0, 300).stream().map(r -> r[0]).toArray(String[]::new));
    CompositionFeaturizerTransformer featurizer = magpie("magpie").setMissingCountCol("missing");
    // selects by the names the featurizer gives the vector's attributes
    VectorSlicer means = new VectorSlicer().setInputCol("features").setOutputCol("means")
        .setNames(new String[] {"magpie_mean_number", "magpie_mean_electronegativity"});
    PipelineModel model = new Pipeline().setStages(new PipelineStage[] {featurizer, means}).fit(data);
    String path = new File(tmp, "model").getPath();
    model.save(path);

    PipelineModel loaded = PipelineModel.load(path);
    CompositionFeaturizerTransformer stage = (CompositionFeaturizerTransformer) loaded.stages()[0];
    assertNotSame(featurizer, stage);
    assertEquals(featurizer.uid(), stage.uid());
    for (Param<?> p : featurizer.params()) {
      Object saved = featurizer.getOrDefault(p);
      Object read = stage.getOrDefault(stage.getParam(p.name()));
      if (saved instanceof ElementTable table) {
        assertEquals(table.fingerprint(), ((ElementTable) read).fingerprint(), "the stage carries its element table");
      } else {
        assertEquals(saved, read, p.name());
      }
    }
    assertEquals(featurizer.featurizer().version(), stage.featurizer().version());

    List<Row> before = model.transform(data).orderBy("id").select("formula", "features", "missing", "means")
        .collectAsList();
    List<Row> after = loaded.transform(data).orderBy("id").select("formula", "features", "missing", "means")
        .collectAsList();
    assertEquals(before, after);
    Row fe2o3 = loaded.transform(formulas("Fe2O3")).first();
    assertEquals(0.4 * 26 + 0.6 * 8, ((Vector) fe2o3.getAs("means")).apply(0), 1e-12);
  }

  private static void assertMatchesMatminer(String file, String preset) {
    SharedCsv reference = MatminerReference.read(file);
    int formula = reference.column("formula");
    Dataset<Row> input = formulas(reference.rows().stream().map(r -> r[formula]).toArray(String[]::new));
    List<Row> out = magpie(preset).transform(input).orderBy("id").collectAsList();
    assertEquals(reference.rows().size(), out.size());
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      double[] actual = ((Vector) out.get(i).getAs("features")).toArray();
      String[] row = reference.rows().get(i);
      MatminerReference.mismatches(reference, row, actual).forEach(w -> wrong.add(row[formula] + " " + w));
      double[] kernel = new double[actual.length];
      FeaturizerPresets.create(preset, magpieTable).featurize(FormulaParser.parse(row[formula]), kernel, 0);
      assertArrayEquals(kernel, actual, "Spark and the kernel agree exactly: " + row[formula]);
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  private static CompositionFeaturizerTransformer magpie(String preset) {
    return new CompositionFeaturizerTransformer().setInputCol("formula").setInputKind("formula").setPreset(preset)
        .setElementTable(magpieTable);
  }

  /** (id, formula) rows over three partitions, so that more than one featurizer instance runs. */
  private static Dataset<Row> formulas(String... formulas) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < formulas.length; i++) {
      rows.add(RowFactory.create(i, formulas[i]));
    }
    return spark.createDataFrame(rows, INPUT).repartition(3);
  }

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  private static String messages(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }
}
