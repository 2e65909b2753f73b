package org.transferlake.predict;

import java.io.IOException;
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
import org.transferlake.config.SettingsException;
import org.transferlake.featurize.CompositionFeaturizerTransformer;
import org.transferlake.featurize.FeaturizerPresets;
import org.transferlake.featurize.LakeElementTable;
import org.transferlake.lake.Lake;
import org.transferlake.model.learn.Label;
import org.transferlake.model.learn.Prediction;
import org.transferlake.model.registry.ModelRegistry;
import org.transferlake.model.registry.TransferArtifact;

/**
 * Scores a table of formulas with a registered model: featurizes them as the model's features were (same preset,
 * the lake's element table), predicts a mean and a standard deviation (or class probabilities) per row inside Spark
 * tasks, and flags what makes a prediction less trustworthy: elements the model never saw in training, and element
 * properties the featurizer had to impute. A formula that cannot be parsed keeps its row, with the reason.
 */
public final class PredictJob {
  /** Columns added after the input's own. */
  public static final String OUTPUT_COLUMNS = "composition_key STRING, prediction_mean DOUBLE, prediction_std DOUBLE,"
      + " predicted_label STRING, class_probabilities ARRAY<DOUBLE>, unseen_elements ARRAY<STRING>,"
      + " imputed_values INT, error STRING, model STRING";
  private static final String MISSING = "_imputed";
  private static final int BATCH = 4096;

  private final Lake lake;
  private final ModelRegistry registry;
  private final String elementSource;

  public PredictJob(Lake lake, ModelRegistry registry, String elementSource) {
    this.lake = lake;
    this.registry = registry;
    this.elementSource = elementSource;
  }

  /**
   * The input's rows, each with the columns of {@link #OUTPUT_COLUMNS}.
   *
   * @param formulaColumn the input's column of formulas (any style the ingest accepts)
   */
  public Dataset<Row> predict(Dataset<Row> input, String formulaColumn, ModelRegistry.Entry entry) throws IOException {
    if (!Arrays.asList(input.columns()).contains(formulaColumn)) {
      throw new SettingsException("formula column " + formulaColumn + ": the input has no such column"
          + " (columns: " + String.join(", ", input.columns()) + ")");
    }
    byte[] file = registry.bytes(entry);
    TransferArtifact artifact = TransferArtifact.fromBytes(file, entry.artifact());
    String preset = artifact.about().get("features");
    CompositionFeaturizerTransformer featurizer = new CompositionFeaturizerTransformer().setInputCol(formulaColumn)
        .setInputKind("formula").setHandleInvalid("keep-null").setPreset(preset).setOutputLayout("columns");
    List<String> properties = FeaturizerPresets.elementProperties(preset);
    if (!properties.isEmpty()) {
      featurizer.setElementTable(LakeElementTable.read(lake, elementSource, properties).table())
          .setMissingCountCol(MISSING);
    }
    Dataset<Row> featurized = featurizer.transform(input.select(Arrays.stream(input.columns())
        .map(c -> new org.apache.spark.sql.Column(c)).toArray(org.apache.spark.sql.Column[]::new)));
    StructType schema = input.schema();
    for (var field : StructType.fromDDL(OUTPUT_COLUMNS).fields()) {
      schema = schema.add(field);
    }
    Broadcast<byte[]> bytes = new org.apache.spark.api.java.JavaSparkContext(lake.spark().sparkContext())
        .broadcast(file);
    Scorer scorer = new Scorer(bytes, input.columns().length, featurized.schema().fieldIndex(formulaColumn),
        artifact.featureColumns().stream().mapToInt(featurized.schema()::fieldIndex).toArray(),
        properties.isEmpty() ? -1 : featurized.schema().fieldIndex(MISSING),
        entry.experiment() + "/" + entry.architecture() + "/" + entry.learner() + "@" + entry.runId());
    return featurized.mapPartitions(scorer, Encoders.row(schema));
  }

  /** Scores one partition in batches, with the model rebuilt once from the broadcast artifact. */
  private record Scorer(Broadcast<byte[]> artifact, int inputColumns, int formulaIndex, int[] featureIndex,
      int missingIndex, String modelName) implements MapPartitionsFunction<Row, Row> {

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
      List<Row> out = new ArrayList<>(in.size());
      int k = 0;
      for (int r = 0; r < in.size(); r++) {
        Row row = in.get(r);
        Object[] values = new Object[inputColumns + 9];
        for (int c = 0; c < inputColumns; c++) {
          values[c] = row.get(c);
        }
        values[inputColumns] = key[r];
        if (error[r] == null) {
          if (label.isClassification()) {
            double[] probabilities = p.probabilities(0)[k];
            int best = 0;
            for (int c = 1; c < probabilities.length; c++) {
              best = probabilities[c] > probabilities[best] ? c : best;
            }
            values[inputColumns + 3] = label.classes().get(best);
            values[inputColumns + 4] = scala.jdk.javaapi.CollectionConverters.asScala(
                Arrays.stream(probabilities).boxed().toList()).toSeq();
          } else {
            values[inputColumns + 1] = p.mean(0)[k];
            values[inputColumns + 2] = p.std(0)[k];
          }
          k++;
        }
        values[inputColumns + 5] = scala.jdk.javaapi.CollectionConverters.asScala(unseen.get(r)).toSeq();
        values[inputColumns + 6] = missingIndex < 0 || row.isNullAt(missingIndex) ? null : row.getInt(missingIndex);
        values[inputColumns + 7] = error[r];
        values[inputColumns + 8] = modelName;
        out.add(RowFactory.create(values));
      }
      return out;
    }
  }
}
