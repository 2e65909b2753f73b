package org.transferlake.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.transferlake.model.components.Components;
import org.transferlake.config.PropertyCatalog;
import org.transferlake.config.SettingsException;
import org.transferlake.config.SettingsLoader;
import org.transferlake.featurize.FeaturizeJob;
import org.transferlake.ingest.IngestJob;
import org.transferlake.ingest.catalog.SourceCatalog;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;
import org.transferlake.lineage.Lineage;
import org.transferlake.model.registry.ModelRegistry;
import org.transferlake.model.transfer.SourceModels;
import org.transferlake.testing.TestPaths;
import org.transferlake.testing.TestSpark;
import org.transferlake.train.data.ExperimentData;
import org.transferlake.train.data.ExperimentDataLoader;
import org.transferlake.train.experiment.ExperimentCatalog;
import org.transferlake.train.experiment.ExperimentDefinition;
import org.transferlake.train.experiment.DistributedSourceLearner;
import org.transferlake.train.units.UnitPlan;
import org.transferlake.train.units.UnitResult;
import org.transferlake.train.units.UnitRunner;
import org.transferlake.train.units.WorkUnit;

/** A small experiment end to end on real data: ingest, featurize, train, and the tables it leaves. */
class TrainJobTest {
  private static final PropertyCatalog PROPERTIES = new SettingsLoader().withoutSystemProperties().load().properties();
  private static final String EXPERIMENT = """
      name = small
      target = "band_gap/experiment/matbench_expt_gap"
      sources = [ { context = "band_gap/pbe/matbench_mp_gap", aggregate = median } ]
      features = magpie
      architectures = [target_only, latent_variable]
      learners = [ { name = forest, grid { trees = [4, 8], min-leaf = 5 } } ]
      cv { fold-table = "matbench_expt_gap_folds.csv" }
      inner-folds = 2
      learning-curve = [200, all]
      seed = 7
      options { source-learner { name = forest, trees = 4, max-features = 0.2, min-leaf = 10 } }
      """;

  private static Lake lake;
  private static ExperimentDefinition experiment;
  private static ExperimentData data;
  private static SourceModels sources;
  private static ModelRegistry registry;

  @BeforeAll
  static void ingestFeaturizeAndTrain() throws IOException {
    lake = TestSpark.freshLake();
    new IngestJob(lake, TestPaths.mirror().getPath(), 1_000_000).run("ingest",
        SourceCatalog.load(TestPaths.sourcesDir(), PROPERTIES)
            .select(List.of("magpie_elements", "matbench_expt_gap", "matbench_mp_gap")));
    new FeaturizeJob(lake, "magpie_elements", 20_000, 0, line -> { }).run("featurize", "magpie");
    File dir = TestSpark.tempDir("experiments");
    Files.writeString(new File(dir, "small.conf").toPath(), EXPERIMENT);
    experiment = ExperimentCatalog.load(dir, "small");
    data = loader().load(experiment);
    sources = SourceModels.of(data.sources(), Components.learner("forest").create(experiment.sourceParams(), 0), 0, 7);
    registry = new ModelRegistry(lake, TestSpark.tempDir("artifacts").toURI().toString());
    new TrainJob(lake, registry).run("run-a", experiment, data, sources, 4, "test");
  }

  private static ExperimentDataLoader loader() {
    return new ExperimentDataLoader(lake, PROPERTIES, new File(TestPaths.shared(), "reference"),
        Lineage.fromLake(lake, false, List.of("experiment")));
  }

  @Test
  void aSourceLinkedToTheTargetIsRefused() throws IOException {
    File dir = TestSpark.tempDir("leaky");
    Files.writeString(new File(dir, "small.conf").toPath(), EXPERIMENT.replace("band_gap/pbe/matbench_mp_gap",
        "band_gap/experiment/zhuo2018_expt_gap"));
    SettingsException e = assertThrows(SettingsException.class, () -> loader().load(ExperimentCatalog.load(dir, "small")));
    assertTrue(e.getMessage().contains("band_gap/experiment/zhuo2018_expt_gap: linked to the target"), e.getMessage());
  }

  /** Metrics columns that must not change with partitioning, waves or resuming (all but timings and run id). */
  private static final String COMPARED = "unit_id, n_train, n_test, seed, mae, rmse, r2, max_error, within_1sd,"
      + " within_2sd, mean_sd, inner_score, n_requested";

  private static List<Row> sql(String query) {
    return lake.spark().sql(expand(query)).collectAsList();
  }

  private static String expand(String query) {
    return query.replace("{m}", lake.name(LakeTable.METRICS)).replace("{p}", lake.name(LakeTable.PREDICTIONS))
        .replace("{sm}", lake.name(LakeTable.STAGED_METRICS)).replace("{sp}", lake.name(LakeTable.STAGED_PREDICTIONS))
        .replace("{s}", lake.name(LakeTable.SELECTED)).replace("{r}", lake.name(LakeTable.RUNS))
        .replace("{g}", lake.name(LakeTable.REGISTRY));
  }

  @Test
  void theTargetIsReadWithItsOfficialFolds() {
    assertEquals(4604, data.rows());
    assertEquals(5, data.foldCount());
    assertEquals(2, data.folds()[0], "Ag(AuS)2 is in fold 2 of the Matbench fold table");
    assertEquals(132, data.x()[0].length);
  }

  @Test
  void everyUnitHasExactlyOneMetricsRow() {
    assertEquals(2 * 2 * 5 * 2, UnitPlan.expand(experiment, 5).size());
    List<Row> rows = sql("SELECT count(*), count(DISTINCT unit_id) FROM {m} WHERE run_id = 'run-a'");
    assertEquals(40L, rows.get(0).getLong(0));
    assertEquals(40L, rows.get(0).getLong(1));
    List<Row> sizes = sql("SELECT DISTINCT n_train FROM {m} WHERE run_id = 'run-a' AND fold = 0 ORDER BY n_train");
    assertEquals(200, sizes.get(0).getInt(0));
  }

  @Test
  void predictionsCoverEveryTestRecordOncePerUnit() {
    assertTrue(sql("SELECT unit_id FROM {p} WHERE run_id = 'run-a' GROUP BY unit_id"
        + " HAVING count(*) != count(DISTINCT source_file, record_number)").isEmpty());
    List<Row> coverage = sql("SELECT architecture, params, n_train = 200, count(*), count(DISTINCT record_number)"
        + " FROM {p} WHERE run_id = 'run-a' GROUP BY 1, 2, 3");
    assertEquals(8, coverage.size());
    for (Row r : coverage) {
      assertEquals(4604L, r.getLong(3), "every record predicted once across the folds");
      assertEquals(4604L, r.getLong(4));
    }
    assertTrue(sql("SELECT 1 FROM {p} p JOIN {m} m ON p.unit_id = m.unit_id AND p.run_id = m.run_id"
        + " WHERE p.run_id = 'run-a' GROUP BY p.unit_id, m.n_test HAVING count(*) != m.n_test").isEmpty());
    // a band gap is never negative: every mean within the property's range, the moved ones flagged
    Row range = sql("SELECT min(mean), count_if(clipped), count_if(clipped AND mean != 0), count_if(clipped IS NULL)"
        + " FROM {p} WHERE run_id = 'run-a'").get(0);
    assertTrue(range.getDouble(0) >= 0, "min mean " + range.getDouble(0));
    assertEquals(0L, range.getLong(2), "a moved mean sits on the bound");
    assertEquals(0L, range.getLong(3), "every regression row says whether it was moved");
  }

  @Test
  void selectionTakesTheBestInnerScoreNotTheBestTestScore() {
    List<Row> selected = sql("SELECT architecture, learner, fold, n_train, params, inner_score FROM {s}"
        + " WHERE run_id = 'run-a'");
    assertEquals(2 * 5 * 2, selected.size());
    for (Row s : selected) {
      Row best = sql("SELECT params, inner_score FROM {m} WHERE run_id = 'run-a' AND architecture = '"
          + s.getString(0) + "' AND fold = " + s.getInt(2) + " AND n_train = " + s.getInt(3)
          + " ORDER BY inner_score, params LIMIT 1").get(0);
      assertEquals(best.getString(0), s.getString(4));
    }
  }

  @Test
  void testTargetsNeverReachTheModels() {
    // Change every target value of fold 0: fold 0's predictions and inner scores must not move.
    double[] changed = data.y().clone();
    for (int i = 0; i < changed.length; i++) {
      if (data.folds()[i] == 0) {
        changed[i] += 5;
      }
    }
    ExperimentData tampered = new ExperimentData(data.label(), data.keys(), data.x(), changed, data.sourceFiles(),
        data.recordNumbers(), data.folds(), data.sources(), data.targetContext(), data.featureColumns(), data.range());
    WorkUnit unit = UnitPlan.expand(experiment, 5).stream()
        .filter(u -> u.fold() == 0 && u.architecture().equals("latent_variable") && u.nTrain() == 0).findFirst()
        .orElseThrow();
    UnitResult before = new UnitRunner(experiment, data, sources).run(unit);
    UnitResult after = new UnitRunner(experiment, tampered, sources).run(unit);
    assertArrayEquals(before.mean(), after.mean());
    assertEquals(before.innerScore(), after.innerScore());
  }

  @Test
  void sameConfigSameMetricsWhateverThePartitioningAndWavesAndARerunReplacesItsRows() {
    long appendsBefore = stagedAppends();
    new TrainJob(lake, registry).run("run-b", experiment, data, sources, new TrainJob.Options(1, 8, false), "test");
    assertEquals(5, stagedAppends() - appendsBefore, "40 units, 8 per commit: five waves, each committed");
    new TrainJob(lake, registry).run("run-b", experiment, data, sources, 3, "test");
    List<Row> a = sql("SELECT " + COMPARED + " FROM {m} WHERE run_id = 'run-a' ORDER BY unit_id");
    List<Row> b = sql("SELECT " + COMPARED + " FROM {m} WHERE run_id = 'run-b' ORDER BY unit_id");
    assertEquals(a, b);
    assertEquals(40L, sql("SELECT count(*) FROM {m} WHERE run_id = 'run-b'").get(0).getLong(0), "no duplicates");
    assertEquals(0L, sql("SELECT count(*) FROM {sm} WHERE run_id = 'run-b'").get(0).getLong(0), "staging cleared");
    List<Row> runs = sql("SELECT run_id, status, units, input_snapshots FROM {r} WHERE run_id IN ('run-a', 'run-b')"
        + " ORDER BY run_id");
    assertEquals(2, runs.size());
    assertEquals("published", runs.get(0).getString(1));
    assertEquals(40L, runs.get(0).getLong(2));
    assertTrue(runs.get(0).getMap(3).size() == 2, "snapshots of observations and features");
  }

  @Test
  void anInterruptedRunResumesTrainingOnlyTheUnitsItHadNotCommitted() {
    // What a run stopped after its first wave leaves: that wave's rows staged, nothing published.
    String firstWave = "unit_id IN (SELECT unit_id FROM " + lake.name(LakeTable.METRICS)
        + " WHERE run_id = 'run-a' ORDER BY unit_id LIMIT 8)";
    for (LakeTable[] copy : new LakeTable[][] {{LakeTable.METRICS, LakeTable.STAGED_METRICS},
        {LakeTable.PREDICTIONS, LakeTable.STAGED_PREDICTIONS}}) {
      lake.append(copy[1], lake.read(copy[0]).where("run_id = 'run-a' AND " + firstWave)
          .withColumn("run_id", org.apache.spark.sql.functions.lit("run-d")));
    }

    TrainJob.Outcome outcome = new TrainJob(lake, registry).run("run-d", experiment, data, sources,
        new TrainJob.Options(2, 16, true), "test");
    assertEquals(8, outcome.resumed());
    assertEquals(32, outcome.trained());
    assertEquals(sql("SELECT " + COMPARED + " FROM {m} WHERE run_id = 'run-a' ORDER BY unit_id"),
        sql("SELECT " + COMPARED + " FROM {m} WHERE run_id = 'run-d' ORDER BY unit_id"));
    assertEquals(sql("SELECT count(*) FROM {p} WHERE run_id = 'run-a'"),
        sql("SELECT count(*) FROM {p} WHERE run_id = 'run-d'"));

    SettingsException done = assertThrows(SettingsException.class, () -> new TrainJob(lake, registry).run("run-d",
        experiment, data, sources, new TrainJob.Options(2, 16, true), "test"));
    assertTrue(done.getMessage().contains("run run-d was published and has nothing left to resume"),
        done.getMessage());
  }

  private static long stagedAppends() {
    return sql("SELECT count(*) FROM {sm}.snapshots WHERE operation = 'append'").get(0).getLong(0);
  }

  @Test
  void eachArchitectureAndLearnerRegistersOneFinalModelChosenByInnerValidation() throws IOException {
    List<Row> rows = sql("SELECT architecture, learner, params, selected_by, cv_metric, cv_score, cv_folds, n_train,"
        + " artifact_sha256, size(seen_elements) FROM {g} WHERE run_id = 'run-a' ORDER BY architecture");
    assertEquals(2, rows.size());
    List<Row> selected = sql("SELECT architecture, params, count(*) AS folds FROM {s} WHERE run_id = 'run-a'"
        + " AND n_train > 200 GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2");
    for (Row r : rows) {
      assertEquals("inner_cv", r.getString(3));
      assertEquals("mae", r.getString(4));
      assertEquals(5, r.getInt(6));
      assertEquals(data.rows(), r.getInt(7), "refit on every target record");
      assertTrue(r.getInt(9) > 50, "elements the model saw");
      Row mostChosen = selected.stream().filter(s -> s.getString(0).equals(r.getString(0))).findFirst().orElseThrow();
      assertEquals(mostChosen.getString(1), r.getString(2), "the hyperparameters inner validation chose most");
      double nested = sql("SELECT avg(m.mae) FROM {s} m WHERE run_id = 'run-a' AND n_train > 200 AND architecture = '"
          + r.getString(0) + "'").get(0).getDouble(0);
      assertEquals(nested, r.getDouble(5), 1e-12, "the nested estimate: each fold's own choice, scored outside");
    }

    ModelRegistry.Entry entry = registry.find("small", "latent_variable", "forest", "run-a");
    assertEquals("run-a", entry.runId());
    org.transferlake.model.registry.TransferArtifact artifact = registry.load(entry);
    assertEquals(data.featureColumns(), artifact.featureColumns());
    int[] some = {0, 1, 2, 3, 4};
    var set = data.targetSet(some);
    double[] mean = artifact.model().predict(set.keys(), set.x()).mean(0);
    for (int i = 0; i < some.length; i++) {
      assertTrue(Math.abs(mean[i] - set.y()[i]) < 3, "a refit model predicts its own training rows closely");
    }
    SettingsException none = assertThrows(SettingsException.class,
        () -> registry.find("small", "multi_task", "forest", null));
    assertTrue(none.getMessage().contains("latent_variable/forest (run run-a)"), none.getMessage());
  }

  @Test
  void predictScoresFormulasAsTheModelWouldAndFlagsWhatItNeverSaw() throws IOException {
    ModelRegistry.Entry entry = registry.find("small", "latent_variable", "forest", "run-a");
    org.transferlake.model.registry.TransferArtifact artifact = registry.load(entry);
    String trained = data.keys()[0];
    List<Row> input = List.of(org.apache.spark.sql.RowFactory.create("a", trained),
        org.apache.spark.sql.RowFactory.create("b", "Pm2O3"), org.apache.spark.sql.RowFactory.create("c", "Qq2O"),
        org.apache.spark.sql.RowFactory.create("d", null));
    var frame = lake.spark().createDataFrame(input,
        org.apache.spark.sql.types.StructType.fromDDL("id STRING, formula STRING"));
    List<Row> out = new org.transferlake.predict.PredictJob(lake, registry, "magpie_elements", PROPERTIES)
        .predict(frame, "formula", entry, null).orderBy("id").collectAsList();
    assertEquals(4, out.size(), "every input row comes back");

    Row known = out.get(0);
    double expected = artifact.model().predict(new String[] {trained}, new double[][] {data.x()[0]}).mean(0)[0];
    assertEquals(expected, known.getDouble(known.fieldIndex("mean")), 1e-12);
    assertTrue(known.getDouble(known.fieldIndex("std")) > 0);
    assertEquals("eV", known.getString(known.fieldIndex("unit")), "no unit given: the property's canonical one");
    assertTrue(!known.getBoolean(known.fieldIndex("clipped")));
    assertTrue(known.getList(known.fieldIndex("unseen_elements")).isEmpty());
    assertEquals(trained, known.getString(known.fieldIndex("composition_key")));

    Row novel = out.get(1);
    List<String> unseen = new ArrayList<>();
    for (String element : List.of("O", "Pm")) {
      if (!artifact.seenElements().contains(element)) {
        unseen.add(element);
      }
    }
    assertEquals(unseen, novel.getList(novel.fieldIndex("unseen_elements")));
    assertTrue(!novel.isNullAt(novel.fieldIndex("mean")) && novel.isNullAt(novel.fieldIndex("error")));
    assertTrue(novel.getInt(novel.fieldIndex("imputed_values")) >= 0);

    Row invalid = out.get(2);
    assertTrue(invalid.isNullAt(invalid.fieldIndex("mean")));
    assertTrue(invalid.getString(invalid.fieldIndex("error")).startsWith("invalid formula"), invalid.toString());
    assertEquals("no formula", out.get(3).getString(out.get(3).fieldIndex("error")));
    assertEquals("small/latent_variable/forest@run-a", known.getString(known.fieldIndex("model")));
  }

  @Test
  void aChangedArtifactIsRefusedInsteadOfPredicting() throws IOException {
    ModelRegistry.Entry entry = registry.find("small", "target_only", "forest", "run-a");
    java.nio.file.Path copy = Files.createTempFile("artifact", ".tlm");
    byte[] bytes = Files.readAllBytes(java.nio.file.Path.of(java.net.URI.create(entry.artifact())));
    bytes[bytes.length / 3] ^= 1;
    Files.write(copy, bytes);
    ModelRegistry.Entry tampered = new ModelRegistry.Entry(entry.runId(), entry.experiment(), entry.architecture(),
        entry.learner(), entry.params(), copy.toUri().toString(), entry.sha256(), entry.cvScore(), entry.cvMetric(),
        entry.targetContext());
    var e = assertThrows(org.transferlake.model.learn.ModelFormatException.class, () -> registry.load(tampered));
    assertTrue(e.getMessage().contains("but the registry recorded " + entry.sha256()), e.getMessage());
  }

  @Test
  void aContextTheLakeDoesNotHoldIsRefusedNamingTheNearestOnes() throws IOException {
    File dir = TestSpark.tempDir("typo-experiments");
    Files.writeString(new File(dir, "small.conf").toPath(), EXPERIMENT.replace("band_gap/pbe/matbench_mp_gap",
        "band_gap/pbe/matbench_mp_gapp"));
    ExperimentDefinition typo = ExperimentCatalog.load(dir, "small");
    SettingsException e = assertThrows(SettingsException.class, () -> loader().load(typo));
    assertTrue(e.getMessage().startsWith(typo.definitionFile() + ": sources[0].context = band_gap/pbe/matbench_mp_gapp:"
        + " no such context in " + lake.name(LakeTable.OBSERVATIONS) + "; nearest: band_gap/pbe/matbench_mp_gap,"),
        e.getMessage());
  }

  @Test
  void malformedExperimentsFailBeforeAnyWorkNamingTheKey() throws IOException {
    File dir = TestSpark.tempDir("bad-experiments");
    List<String[]> cases = new ArrayList<>();
    cases.add(new String[] {"architectures = [target_only, magic]", "architectures: architecture 'magic' is not known"});
    cases.add(new String[] {"learners = [ { name = forest, grid { trees = [1] } } ]",
        "learners[0].grid.trees: 1: expected at least 2"});
    cases.add(new String[] {"learners = [ { name = forest, grid { leaves = [3] } } ]",
        "learners[0].grid.leaves: unknown key"});
    cases.add(new String[] {"target = \"band_gap/experiment\"", "expected property/fidelity/source_id"});
    for (String[] c : cases) {
      String key = c[0].substring(0, c[0].indexOf(' '));
      StringBuilder text = new StringBuilder();
      for (String line : EXPERIMENT.split("\n")) {
        text.append(line.startsWith(key + " ") ? c[0] : line).append('\n');
      }
      Files.writeString(new File(dir, "small.conf").toPath(), text);
      SettingsException e = assertThrows(SettingsException.class, () -> ExperimentCatalog.load(dir, "small"));
      assertTrue(e.getMessage().contains(c[1]), e.getMessage());
    }
    assertTrue(assertThrows(SettingsException.class, () -> ExperimentCatalog.load(dir, "absent")).getMessage()
        .contains("no absent.conf in "));
  }
}
