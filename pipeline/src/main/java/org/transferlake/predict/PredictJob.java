package org.transferlake.predict;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.transferlake.composition.Composition;
import org.transferlake.composition.FormulaException;
import org.transferlake.composition.FormulaParser;
import org.transferlake.config.PropertyCatalog;
import org.transferlake.config.SettingsException;
import org.transferlake.featurize.CompositionFeaturizerTransformer;
import org.transferlake.featurize.LakeElementTable;
import org.transferlake.lake.Lake;
import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.Prediction;
import org.transferlake.model.learn.ValueRange;
import org.transferlake.model.registry.ModelRegistry;
import org.transferlake.model.registry.TransferArtifact;

/**
 * Scores a table of formulas with a registered model: featurizes them as the model's features were (same preset
 * or combination of presets, the lake's element tables), predicts a mean and a standard deviation (or class probabilities) per row inside Spark
 * tasks, and flags what makes a prediction less trustworthy: elements the model never saw in training, and element
 * properties the featurizer had to impute. A mean outside the property's range is clipped to it, and flagged. A
 * formula that cannot be parsed keeps its row, with the reason.
 */
public final class PredictJob {
  /** Columns added after the input's own for a regression target (named as in results.predictions). */
  public static final String REGRESSION_COLUMNS = "composition_key STRING, mean DOUBLE, std DOUBLE, unit STRING,"
      + " clipped BOOLEAN, unseen_elements ARRAY<STRING>, imputed_values INT, error STRING, model STRING";
  /** Columns added after the input's own for a classification target. */
  public static final String CLASSIFICATION_COLUMNS = "composition_key STRING, predicted_label STRING,"
      + " probabilities ARRAY<DOUBLE>, classes ARRAY<STRING>, unseen_elements ARRAY<STRING>, imputed_values INT,"
      + " error STRING, model STRING";
  private static final String MISSING = "_imputed";
  private static final int BATCH = 4096;

  /**
   * The unit predicted means and standard deviations are given in.
   *
   * @param perCanonical multiplies a value in the property's canonical unit into this one
   */
  public record OutputUnit(String name, double perCanonical) implements Serializable {}

  private final Lake lake;
  private final ModelRegistry registry;
  private final String elementSource;
  private final PropertyCatalog properties;

  public PredictJob(Lake lake, ModelRegistry registry, String elementSource, PropertyCatalog properties) {
    this.lake = lake;
    this.registry = registry;
    this.elementSource = elementSource;
    this.properties = properties;
  }

  /**
   * The input's rows, each with the columns of {@link #REGRESSION_COLUMNS} or {@link #CLASSIFICATION_COLUMNS}.
   * Means are moved into the target property's [min, max] ({@code clipped} says where; {@link ValueRange} says
   * how their standard deviations change), then given with their standard deviations in {@code unit}.
   *
   * @param formulaColumn the input's column of formulas (any style the ingest accepts)
   * @param unit null for the property's canonical unit
   */
  public Dataset<Row> predict(Dataset<Row> input, String formulaColumn, ModelRegistry.Entry entry, OutputUnit unit)
      throws IOException {
    if (!Arrays.asList(input.columns()).contains(formulaColumn)) {
      throw new SettingsException("formula column " + formulaColumn + ": the input has no such column"
          + " (columns: " + String.join(", ", input.columns()) + ")");
    }
    byte[] file = registry.bytes(entry);
    TransferArtifact artifact = TransferArtifact.fromBytes(file, entry.artifact());
    Label label = artifact.model().target();
    StructType added = StructType.fromDDL(label.isClassification() ? CLASSIFICATION_COLUMNS : REGRESSION_COLUMNS);
    List<String> clashes = Arrays.stream(input.columns()).filter(Set.of(added.fieldNames())::contains).toList();
    if (!clashes.isEmpty()) {
      throw new SettingsException("the input's columns " + String.join(", ", clashes) + " clash with those predict"
          + " adds (" + String.join(", ", added.fieldNames()) + "): rename them or leave them out");
    }
    PropertyCatalog.Property property = properties.get(entry.targetContext().split("/")[0]);
    boolean numeric = property.numeric();
    OutputUnit out = unit != null ? unit : new OutputUnit(numeric ? property.unit() : null, 1.0);
    String preset = artifact.about().get("features");
    CompositionFeaturizerTransformer featurizer = new CompositionFeaturizerTransformer().setInputCol(formulaColumn)
        .setInputKind("formula").setHandleInvalid("keep-null").setPreset(preset).setOutputLayout("columns");
    LakeElementTable elements = LakeElementTable.forPreset(lake, preset, elementSource);
    if (elements != null) {
      featurizer.setElementTable(elements.table()).setMissingCountCol(MISSING);
    }
    Dataset<Row> featurized = featurizer.transform(input.select(Arrays.stream(input.columns())
        .map(c -> new org.apache.spark.sql.Column(c)).toArray(org.apache.spark.sql.Column[]::new)));
    StructType schema = input.schema();
    for (var field : added.fields()) {
      schema = schema.add(field);
    }
    Broadcast<byte[]> bytes = new org.apache.spark.api.java.JavaSparkContext(lake.spark().sparkContext())
        .broadcast(file);
    Scorer scorer = new Scorer(bytes, input.columns().length, featurized.schema().fieldIndex(formulaColumn),
        artifact.featureColumns().stream().mapToInt(featurized.schema()::fieldIndex).toArray(),
        elements == null ? -1 : featurized.schema().fieldIndex(MISSING),
        entry.experiment() + "/" + entry.architecture() + "/" + entry.learner() + "@" + entry.runId(),
        numeric ? new ValueRange(property.min(), property.max()) : ValueRange.ANY, out);
    return featurized.mapPartitions(scorer, Encoders.row(schema));
  }

  /**
   * Scores one partition in batches, with the model rebuilt once from the broadcast artifact.
   *
   * @param range the property's range, in its canonical unit
   */
  private record Scorer(Broadcast<byte[]> artifact, int inputColumns, int formulaIndex, int[] featureIndex,
      int missingIndex, String modelName, ValueRange range, OutputUnit unit)
      implements MapPartitionsFunction<Row, Row> {

    @Override
    public Iterator<Row> call(Iterator<Row> rows) throws IOException {
      TransferArtifact model = TransferArtifact.fromBytes(artifact.value(), modelName);
      Set<String> seen = Set.copyOf(model.seenElements());
      Label label = model.model().target();
      return new Iterator<>() {
        private Iterator<Row> batch = java.util.Collections.emptyIterator();

        @Override
        public boolean hasNext() {
          while (!batch.hasNext() && rows.hasNext()) {
            List<Row> in = new ArrayList<>(BATCH);
            while (in.size() < BATCH && rows.hasNext()) {
              in.add(rows.next());
            }
            batch = score(in, model, seen, label).iterator();
          }
          return batch.hasNext();
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new java.util.NoSuchElementException();
          }
          return batch.next();
        }
      };
    }

    private List<Row> score(List<Row> in, TransferArtifact model, Set<String> seen, Label label) {
      List<Integer> scored = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      List<double[]> x = new ArrayList<>();
      String[] key = new String[in.size()];
      String[] error = new String[in.size()];
      List<List<String>> unseen = new ArrayList<>();
      for (int r = 0; r < in.size(); r++) {
        Row row = in.get(r);
        String formula = row.getString(formulaIndex);
        List<String> missing = new ArrayList<>();
        unseen.add(missing);
        if (formula == null) {
          error[r] = "no formula";
          continue;
        }
        try {
          Composition c = FormulaParser.parse(formula);
          key[r] = c.key();
          Set<String> novel = new TreeSet<>();
          for (int i = 0; i < c.size(); i++) {
            if (!seen.contains(c.element(i))) {
              novel.add(c.element(i));
            }
          }
          missing.addAll(novel);
        } catch (FormulaException e) {
          error[r] = "invalid formula: " + e.getMessage();
          continue;
        }
        if (row.isNullAt(featureIndex[0])) {
          error[r] = "cannot be featurized (an element without properties in the element table)";
          continue;
        }
        double[] features = new double[featureIndex.length];
        for (int f = 0; f < features.length; f++) {
          features[f] = row.isNullAt(featureIndex[f]) ? Double.NaN : row.getDouble(featureIndex[f]);
        }
        scored.add(r);
        keys.add(key[r]);
        x.add(features);
      }
      Prediction p = scored.isEmpty() ? null
          : model.model().predict(keys.toArray(new String[0]), x.toArray(new double[0][]));
      ValueRange.Within within = p == null || label.isClassification() ? null : range.apply(p.mean(0), p.std(0));
      List<Row> out = new ArrayList<>(in.size());
      int k = 0;
      for (int r = 0; r < in.size(); r++) {
        Row row = in.get(r);
        List<Object> values = new ArrayList<>(inputColumns + 9);
        for (int c = 0; c < inputColumns; c++) {
          values.add(row.get(c));
        }
        values.add(key[r]);
        boolean scoredRow = error[r] == null;
        if (label.isClassification()) {
          Object best = null;
          Object probabilities = null;
          if (scoredRow) {
            double[] probability = p.probabilities(0)[k];
            int most = 0;
            for (int c = 1; c < probability.length; c++) {
              most = probability[c] > probability[most] ? c : most;
            }
            best = label.classes().get(most);
            probabilities = seq(Arrays.stream(probability).boxed().toList());
          }
          values.add(best);
          values.add(probabilities);
          values.add(seq(label.classes()));
        } else {
          Double mean = null;
          Double std = null;
          Boolean clipped = null;
          if (scoredRow) {
            clipped = within.moved()[k];
            mean = within.mean()[k] * unit.perCanonical();
            std = within.std()[k] * unit.perCanonical();
          }
          values.add(mean);
          values.add(std);
          values.add(unit.name());
          values.add(clipped);
        }
        k += scoredRow ? 1 : 0;
        values.add(seq(unseen.get(r)));
        values.add(missingIndex < 0 || row.isNullAt(missingIndex) ? null : row.getInt(missingIndex));
        values.add(error[r]);
        values.add(modelName);
        out.add(RowFactory.create(values.toArray()));
      }
      return out;
    }

    private static Object seq(List<?> values) {
      return scala.jdk.javaapi.CollectionConverters.asScala(values).toSeq();
    }
  }
}
