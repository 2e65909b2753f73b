package org.transferlake.train.data;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.transferlake.config.PropertyCatalog;
import org.transferlake.model.learn.ValueRange;
import org.transferlake.config.NearestNames;
import org.transferlake.config.SettingsException;
import org.transferlake.featurize.FeatureTable;
import org.transferlake.featurize.FeaturizerPresets;
import org.transferlake.featurize.PresetFeatures;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;
import org.transferlake.lineage.Lineage;
import org.transferlake.model.learn.Label;
import org.transferlake.model.transfer.ContextSet;
import org.transferlake.train.experiment.ContextRef;
import org.transferlake.train.experiment.ExperimentDefinition;

/**
 * Reads an experiment's data from the lake: the target context's records with their features and folds, and each
 * source aggregated to one value per composition key with its features (a chain's from its first link that holds
 * the composition).
 */
public final class ExperimentDataLoader {
  private final Lake lake;
  private final PropertyCatalog properties;
  private final File referenceDir;
  private final Lineage lineage;

  /** @param lineage which sources leak the target (linked, or experimental like it): refused unless allowed */
  public ExperimentDataLoader(Lake lake, PropertyCatalog properties, File referenceDir, Lineage lineage) {
    this.lake = lake;
    this.properties = properties;
    this.referenceDir = referenceDir;
    this.lineage = lineage;
  }

  /** The experiment's data once per preset it lists. */
  public FeatureSets loadAll(ExperimentDefinition e) {
    requireContexts(e); // once: the lake's contexts do not change between presets
    Map<String, ExperimentData> byPreset = new java.util.LinkedHashMap<>();
    for (String preset : e.features()) {
      byPreset.put(preset, loadChecked(e, preset));
    }
    return new FeatureSets(byPreset);
  }

  /** The experiment's data with the features of its first preset. */
  public ExperimentData load(ExperimentDefinition e) {
    return load(e, e.features().get(0));
  }

  /** The experiment's data with the features of {@code preset}, a preset or a combination ({@link PresetFeatures}). */
  public ExperimentData load(ExperimentDefinition e, String preset) {
    requireContexts(e);
    return loadChecked(e, preset);
  }

  private ExperimentData loadChecked(ExperimentDefinition e, String preset) {
    List<FeatureTable> tables = PresetFeatures.tables(lake, preset);
    String featureTable = String.join(" joined with ", tables.stream().map(FeatureTable::name).toList());
    for (FeatureTable table : tables) {
      if (!table.exists()) {
        throw new SettingsException(e.definitionFile() + ": features = " + preset + ", but " + table.name()
            + " does not exist; train featurizes the presets an experiment lists (train --dry-run does not),"
            + " as do run and nightly for transferlake.run.experiments, and featurize --presets "
            + FeaturizerPresets.parts(preset).get(tables.indexOf(table)));
      }
    }
    Dataset<Row> features = PresetFeatures.read(lake, preset);
    List<String> featureColumns = new ArrayList<>();
    for (String c : features.columns()) {
      if (!c.equals(FeatureTable.KEY)) {
        featureColumns.add(c);
      }
    }
    Column featureArray = org.apache.spark.sql.functions.array(featureColumns.stream().map(c -> col(c).cast("double"))
        .toArray(Column[]::new)).as("features");
    Dataset<Row> keyed = features.select(col("composition_key"), featureArray);

    PropertyCatalog.Property property = properties.get(e.target().property());
    Dataset<Row> targetRows = observations(e.target())
        .join(keyed, "composition_key")
        .select("composition_key", "source_file", "record_number", "value_double", "value_label", "formula_raw",
            "features")
        .orderBy("source_file", "record_number");
    List<Row> rows = targetRows.collectAsList();
    long observed = observations(e.target()).count();
    if (rows.isEmpty()) {
      throw new SettingsException("experiment " + e.name() + ": the target context " + e.target() + " has no"
          + " observations with features (ingest and featurize first)");
    }
    if (rows.size() != observed) {
      throw new SettingsException("experiment " + e.name() + ": " + (observed - rows.size()) + " target records have"
          + " no row in " + featureTable + "; run `transferlake featurize` again");
    }
    Label label;
    List<String> classes = new ArrayList<>();
    if (property.numeric()) {
      label = Label.regression(e.target().property());
    } else {
      classes.addAll(!e.targetClasses().isEmpty() ? new TreeSet<>(e.targetClasses().values())
          : property.labels().isEmpty() ? distinctLabels(rows) : property.labels());
      label = Label.classification(e.target().property(), classes);
    }
    int n = rows.size();
    String[] keys = new String[n];
    double[][] x = new double[n][];
    double[] y = new double[n];
    String[] files = new String[n];
    long[] records = new long[n];
    String[] formulas = new String[n];
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      keys[i] = r.getString(0);
      files[i] = r.getString(1);
      records[i] = r.getLong(2);
      y[i] = property.numeric() ? r.getDouble(3) : classes.indexOf(classOf(e, r.getString(4)));
      formulas[i] = r.getString(5);
      x[i] = toArray(r.getList(6));
    }
    int[] folds = e.foldTable() != null ? foldsFromTable(e, files, records, formulas)
        : e.hashFolds() ? Folds.hashedByKey(keys, e.folds(), e.foldSeed())
        : Folds.groupedByKey(keys, e.folds(), e.foldSeed());
    List<ContextSet> sources = new ArrayList<>();
    List<ChainCoverage> chains = new ArrayList<>();
    for (int i = 0; i < e.sources().size(); i++) {
      sources.add(source(e, i, keyed, keys, chains));
    }
    ValueRange range = property.numeric() ? new ValueRange(property.min(), property.max()) : ValueRange.ANY;
    return new ExperimentData(label, keys, x, y, files, records, folds, sources, e.target().id(),
        List.copyOf(featureColumns), range, List.copyOf(chains));
  }

  /** Stops an experiment whose sources leak its target ({@link LeakingSources}) or whose contexts the lake lacks. */
  public void requireContexts(ExperimentDefinition e) {
    LeakingSources.refuse(e, lineage);
    requireContextsInTheLake(e);
  }

  /**
   * Stops an experiment whose target or a source is no context of the lake, naming the nearest ones (a typo, or a
   * source not ingested yet).
   */
  private void requireContextsInTheLake(ExperimentDefinition e) {
    List<String> known = lake.read(LakeTable.OBSERVATIONS)
        .select(org.apache.spark.sql.functions.concat_ws("/", col("property"), col("fidelity"), col("source_id")))
        .distinct().collectAsList().stream().map(r -> r.getString(0)).toList();
    List<String> wanted = new ArrayList<>();
    wanted.add("target = " + e.target().id());
    for (int i = 0; i < e.sources().size(); i++) {
      ExperimentDefinition.SourceSpec s = e.sources().get(i);
      for (int j = 0; j < s.links().size(); j++) {
        wanted.add("sources[" + i + "].context" + (s.chain() ? "[" + j + "]" : "") + " = " + s.links().get(j).id());
      }
    }
    for (String w : wanted) {
      String context = w.substring(w.indexOf(" = ") + 3);
      if (!known.contains(context)) {
        throw new SettingsException(e.definitionFile() + ": " + w + ": no such context in "
            + lake.name(LakeTable.OBSERVATIONS) + (known.isEmpty() ? " (it is empty: ingest first)"
            : "; nearest: " + String.join(", ", NearestNames.of(context, known, 3))
            + " (a new source's contexts appear once it is ingested)"));
      }
    }
  }

  private Dataset<Row> observations(ContextRef c) {
    return lake.read(LakeTable.OBSERVATIONS).filter(col("property").equalTo(c.property())
        .and(col("fidelity").equalTo(c.fidelity())).and(col("source_id").equalTo(c.sourceId())));
  }

  /**
   * Source {@code i} aggregated to one value per composition with its features; a chain's compositions each take
   * the value of the first link that holds them, and the chain's coverage of the target joins {@code chains}.
   */
  private ContextSet source(ExperimentDefinition e, int i, Dataset<Row> keyed, String[] targetKeys,
      List<ChainCoverage> chains) {
    ExperimentDefinition.SourceSpec s = e.sources().get(i);
    List<Dataset<Row>> links = new ArrayList<>();
    for (ContextRef link : s.links()) {
      links.add(observations(link).filter(col("value_double").isNotNull())
          .groupBy("composition_key").agg(collect_list("value_double").as("values")));
    }
    Dataset<Row> merged = s.chain() ? SourceChain.firstLinkWins(links)
        : links.get(0).withColumn(SourceChain.LINK, lit(0));
    // Streamed a partition at a time into primitive arrays: collecting a chain's 394,288 rows as Rows of boxed
    // features held about 3 times their size on the driver at once (a 10 GB driver ran out with two presets).
    java.util.Iterator<Row> rows = merged.join(keyed, "composition_key")
        .select("composition_key", "values", "features", SourceChain.LINK)
        .orderBy("composition_key")
        .toLocalIterator();
    List<String> keyList = new ArrayList<>();
    List<double[]> xList = new ArrayList<>();
    List<Double> yList = new ArrayList<>();
    Map<String, Integer> linkByKey = new HashMap<>();
    while (rows.hasNext()) {
      Row row = rows.next();
      keyList.add(row.getString(0));
      yList.add(s.aggregate().apply(toArray(row.getList(1))));
      xList.add(toArray(row.getList(2)));
      if (s.chain()) {
        linkByKey.put(row.getString(0), row.getInt(3));
      }
    }
    if (keyList.isEmpty()) {
      throw new SettingsException("experiment " + e.name() + ": source " + (s.chain() ? "chain " : "context ")
          + s.id() + " has no numeric observations with features");
    }
    String[] keys = keyList.toArray(String[]::new);
    double[][] x = xList.toArray(double[][]::new);
    double[] y = yList.stream().mapToDouble(Double::doubleValue).toArray();
    if (s.chain()) {
      chains.add(ChainCoverage.of("sources[" + i + "]", s.links().stream().map(ContextRef::id).toList(), linkByKey,
          targetKeys));
    }
    return new ContextSet(s.id(), Label.regression(s.id()), keys, x, y);
  }

  /** Row i of a fold table is record i of the target's file; the formulas must agree. */
  private int[] foldsFromTable(ExperimentDefinition e, String[] files, long[] records, String[] formulas) {
    File table = new File(referenceDir, e.foldTable());
    List<String> lines;
    try {
      lines = Files.readAllLines(table.toPath(), StandardCharsets.UTF_8);
    } catch (IOException ex) {
      throw new SettingsException("experiment " + e.name() + ": cv.fold-table " + table + " cannot be read ("
          + ex.getMessage() + "; it is relative to transferlake.experiments.reference-dir)", ex);
    }
    if (new TreeSet<>(java.util.Arrays.asList(files)).size() != 1) {
      throw new SettingsException("experiment " + e.name() + ": a fold table needs a target from one file");
    }
    int[] folds = new int[files.length];
    for (int i = 0; i < files.length; i++) {
      int line = (int) records[i] + 1; // after the header
      if (line >= lines.size()) {
        throw new SettingsException(table + " has no row for record " + records[i] + " of " + files[i]);
      }
      String[] cells = lines.get(line).split(",", -1);
      if (!cells[0].equals(formulas[i])) {
        throw new SettingsException(table + " row " + records[i] + " is '" + cells[0] + "' but record " + records[i]
            + " of " + files[i] + " is '" + formulas[i] + "'");
      }
      folds[i] = Integer.parseInt(cells[cells.length - 1].trim());
    }
    return folds;
  }

  /** The class a raw label belongs to under {@code target-classes} (the raw label itself without them). */
  private static String classOf(ExperimentDefinition e, String raw) {
    if (e.targetClasses().isEmpty()) {
      return raw;
    }
    String cls = e.targetClasses().getOrDefault(raw, e.targetClasses().get("*"));
    if (cls == null) {
      throw new SettingsException("experiment " + e.name() + " (" + e.definitionFile() + "): target label '" + raw
          + "' has no class in target-classes; add it to a class, or add a class with \"*\" for every other label");
    }
    return cls;
  }

  private static List<String> distinctLabels(List<Row> rows) {
    TreeSet<String> labels = new TreeSet<>();
    rows.forEach(r -> labels.add(r.getString(4)));
    return new ArrayList<>(labels);
  }

  private static double[] toArray(List<Object> values) {
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      Object v = values.get(i);
      out[i] = v == null ? Double.NaN : ((Number) v).doubleValue();
    }
    return out;
  }
}
