package org.transferlake.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.transferlake.featurize.FeatureTable;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;
import org.transferlake.model.components.Components;
import org.transferlake.model.registry.ModelRegistry;
import org.transferlake.model.transfer.SourceModels;
import org.transferlake.testing.MultiContextData;
import org.transferlake.testing.OxideData;
import org.transferlake.testing.TestSpark;
import org.transferlake.train.data.ExperimentData;
import org.transferlake.train.experiment.ExperimentCatalog;
import org.transferlake.train.experiment.ExperimentDefinition;
import org.transferlake.train.units.RungSchedule;
import org.transferlake.train.units.RungUnit;
import org.transferlake.train.units.UnitPlan;
import org.transferlake.train.units.UnitRunner;
import org.transferlake.train.units.WorkUnit;

/**
 * A successive-halving run through Spark tasks: 8 sampled forest candidates per outer fold, eta 2, rungs at 2 and 4
 * trees, the 2 survivors trained at 8; then the same run interrupted in its last rung and resumed, partitioned
 * otherwise.
 */
class HalvingRunTest {
  private static final ExperimentDefinition EXPERIMENT = ExperimentCatalog.parse("""
      name = halving_small
      target = "band_gap/experiment/small"
      sources = [ { context = "band_gap/pbe/small" } ]
      features = magpie
      architectures = [target_only, source_only]
      learners = [ { name = forest, search = halving, samples = 8, eta = 2,
        grid { trees = 8, max-features = { uniform = [0.2, 1.0] }, min-leaf = { int-uniform = [1, 20] } } } ]
      cv { folds = 2 }
      inner-folds = 2
      seed = 7
      options { use-measured = true, source-learner { name = forest, trees = 10 } }
      """, "test");
  /** What must not change between runs of one definition: all but run id, timings and executor. */
  private static final String RUNG_COLUMNS = "unit_id, architecture, learner, params, fold, n_train, repeat, rung,"
      + " budget, budget_share, inner_score, n_requested";
  private static final String METRIC_COLUMNS = "unit_id, params, n_train, n_test, seed, mae, rmse, within_1sd,"
      + " inner_score";

  private static Lake lake;
  private static ModelRegistry registry;
  private static ExperimentData data;
  private static SourceModels sources;
  private static TrainJob.Outcome resumed;

  @BeforeAll
  static void runAndResume() {
    lake = TestSpark.freshLake();
    // the run records the features table's snapshot it read; an empty one stands for it here
    lake.spark().sql("CREATE TABLE " + new FeatureTable(lake, "magpie").name() + " (composition_key STRING) USING"
        + " iceberg");
    registry = new ModelRegistry(lake, TestSpark.tempDir("artifacts").toURI().toString());
    data = data(1);
    sources = SourceModels.of(data.sources(), Components.learner("forest").create(EXPERIMENT.sourceParams(), 0), 0,
        EXPERIMENT.seed());
    run("h-a", new TrainJob.Options(4, 1000, false));
    // What a run stopped in rung 1 leaves: rung 0 and 3 of rung 1's 8 rows staged, nothing published.
    lake.append(LakeTable.STAGED_RUNGS, lake.read(LakeTable.RUNGS).where("run_id = 'h-a' AND (rung = 0 OR unit_id IN"
        + " (SELECT unit_id FROM " + lake.name(LakeTable.RUNGS) + " WHERE run_id = 'h-a' AND rung = 1 ORDER BY unit_id"
        + " LIMIT 3))").withColumn("run_id", org.apache.spark.sql.functions.lit("h-c")));
    resumed = run("h-c", new TrainJob.Options(1, 1000, true));
  }

  private static TrainJob.Outcome run(String runId, TrainJob.Options options) {
    return new TrainJob(lake, registry).run(runId, EXPERIMENT, data, sources, options, "test");
  }

  /** 200 oxides in 2 folds, FeO ... and MnO ...; the source 150 iron oxides; fold 0's targets times {@code scale}. */
  private static ExperimentData data(double scale) {
    return OxideData.twoFolds(OxideData.oxides(MultiContextData.context("source", 150, 0, (l, x) -> l, 0.05, 1)),
        scale);
  }

  private static List<Row> sql(String query) {
    return lake.spark().sql(query.replace("{rungs}", lake.name(LakeTable.RUNGS))
        .replace("{m}", lake.name(LakeTable.METRICS)).replace("{p}", lake.name(LakeTable.PREDICTIONS))
        .replace("{s}", lake.name(LakeTable.SELECTED))).collectAsList();
  }

  /** The best {@code keep} of {@code rows} (unit_id, params, inner_score) by inner score, ties to the params. */
  private static Set<String> best(List<Row> rows, int keep) {
    return rows.stream().sorted(Comparator.comparingDouble((Row r) -> r.getDouble(2)).thenComparing(r ->
        r.getString(1))).limit(keep).map(r -> r.getString(0)).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void everyCandidateIsScoredAtRungZeroAndTheBestHalfAtTwiceTheTrees() {
    List<Row> rungs = sql("SELECT rung, budget, budget_share, count(*), min(n_train), max(n_train) FROM {rungs}"
        + " WHERE run_id = 'h-a' GROUP BY 1, 2, 3 ORDER BY 1");
    assertEquals(2, rungs.size());
    assertEquals(List.of(0, "trees=2", 0.25, 16L, 100, 100), List.of(rungs.get(0).get(0), rungs.get(0).get(1),
        rungs.get(0).get(2), rungs.get(0).get(3), rungs.get(0).get(4), rungs.get(0).get(5)),
        "8 candidates x 2 folds, on the 100 outer training rows");
    assertEquals(List.of(1, "trees=4", 0.5, 8L), List.of(rungs.get(1).get(0), rungs.get(1).get(1),
        rungs.get(1).get(2), rungs.get(1).get(3)));
    assertEquals(0L, sql("SELECT count(*) FROM {rungs} WHERE run_id = 'h-a' AND architecture = 'source_only'").get(0)
        .getLong(0), "source_only fits no learner: nothing to narrow");
  }

  @Test
  void onlyTheLastRungsSurvivorsGetMetricsAndPredictions() {
    for (int fold = 0; fold < 2; fold++) {
      String where = " WHERE run_id = 'h-a' AND fold = " + fold;
      Set<String> promoted = best(sql("SELECT unit_id, params, inner_score FROM {rungs}" + where + " AND rung = 0"),
          4);
      List<Row> rungOne = sql("SELECT unit_id, params, inner_score FROM {rungs}" + where + " AND rung = 1");
      assertEquals(promoted, rungOne.stream().map(r -> r.getString(0)).collect(Collectors.toCollection(
          TreeSet::new)), "the best 4 of 8 go on");
      assertEquals(best(rungOne, 2), new TreeSet<>(sql("SELECT unit_id FROM {m}" + where
          + " AND architecture = 'target_only'").stream().map(r -> r.getString(0)).toList()), "the best 2 of 4");
    }
    assertEquals(List.of(6L, 6L), List.of(sql("SELECT count(*) FROM {m} WHERE run_id = 'h-a'").get(0).getLong(0),
        sql("SELECT count(DISTINCT unit_id) FROM {p} WHERE run_id = 'h-a'").get(0).getLong(0)),
        "2 survivors x 2 folds, and source_only once per fold");
  }

  @Test
  void theSelectionIsTheSurvivorWithTheBetterInnerScore() {
    for (int fold = 0; fold < 2; fold++) {
      List<Row> survivors = sql("SELECT unit_id, params, inner_score FROM {m} WHERE run_id = 'h-a' AND fold = " + fold
          + " AND architecture = 'target_only'");
      Row selected = sql("SELECT params, candidates FROM {s} WHERE run_id = 'h-a' AND architecture = 'target_only'"
          + " AND fold = " + fold).get(0);
      Row best = survivors.stream().min(Comparator.comparingDouble((Row r) -> r.getDouble(2))
          .thenComparing(r -> r.getString(1))).orElseThrow();
      assertEquals(List.of(best.getString(1), 2), List.of(selected.getString(0), selected.getInt(1)));
    }
  }

  @Test
  void aRungNeverSeesTheOuterTestFold() {
    // fold 0's targets tripled: the rungs of outer fold 1 (testing on fold 1, training on fold 0) change; those of
    // outer fold 0 (training on fold 1 only) must not
    ExperimentData shifted = data(3);
    UnitRunner before = new UnitRunner(EXPERIMENT, data, sources);
    UnitRunner after = new UnitRunner(EXPERIMENT, shifted, sources);
    List<WorkUnit> candidates = UnitPlan.expand(EXPERIMENT, 2).stream().filter(u -> u.architecture().equals(
        "target_only")).limit(2).toList();
    for (WorkUnit c : candidates) {
      RungUnit rung = RungUnit.of(c, 0, new RungSchedule(2, 2));
      double score = before.runRung(rung).innerScore();
      if (c.fold() == 0) {
        assertEquals(score, after.runRung(rung).innerScore(), 0.0, c.id());
      } else {
        assertTrue(Math.abs(score - after.runRung(rung).innerScore()) > 0.1, c.id());
      }
    }
  }

  @Test
  void aResumedRunKeepsTheCommittedRungsAndGivesTheSameRungsAndMetricsPartitionedOtherwise() {
    assertEquals(6, resumed.trained(), "every final unit: none was staged");
    for (String query : List.of("SELECT " + RUNG_COLUMNS + " FROM {rungs} WHERE run_id = '%s' ORDER BY unit_id, rung",
        "SELECT " + METRIC_COLUMNS + " FROM {m} WHERE run_id = '%s' ORDER BY unit_id")) {
      assertEquals(sql(query.formatted("h-a")), sql(query.formatted("h-c")));
    }
    List<Row> kept = sql("SELECT count(*) FROM {rungs} c JOIN {rungs} a ON a.run_id = 'h-a' AND c.unit_id = a.unit_id"
        + " AND c.rung = a.rung AND c.fit_seconds = a.fit_seconds WHERE c.run_id = 'h-c'");
    assertEquals(16L + 3, kept.get(0).getLong(0), "the staged rungs were kept, not trained again");
    assertEquals(0L, lake.read(LakeTable.STAGED_RUNGS).where("run_id = 'h-c'").count(), "staging cleared");
  }
}
