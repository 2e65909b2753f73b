package org.transferlake.testing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Hand-made result rows for report tests, written through the lake's tables as a train run writes them, with
 * numbers simple enough to check by hand:
 *
 * <ul>
 *   <li>{@code tiny} (band gap regression, MP's PBE gaps and Borlido's measured ones as sources, the latter allowed
 *       with a reason), run {@code run-new}: target_only and latent_variable x forest
 *       trees=10 / trees=20 x folds 0-2 x sizes all (8 rows trained on) and 5, four test rows per fold. Inner
 *       validation chose trees=10 for target_only (MAE 0.5, 0.6, 0.7; RMSE 0.8, 1.0, 1.2) and trees=20 for
 *       latent_variable (MAE 0.3, 0.4, 0.5; RMSE 0.6, 0.7, 0.8); the other candidate scored better on the test
 *       folds (MAE 0.1 and 0.05) and must not be used. Test actuals 0, 0, 1, 2 per fold; target_only's chosen
 *       predictions miss the zeros by 0.2 and 0.4 and the others by 0.5 (MAE 0.3 at 0, 0.5 above), latent_variable's
 *       by 0.1 and 0.2. source_only, one candidate with no hyperparameters, scores MAE 0.5 and RMSE 0.9 on every
 *       fold and size (it learns nothing from target rows) and misses every test actual by 0.5.</li>
 *   <li>{@code tiny}, run {@code run-old}: published earlier, MAE 9.0 everywhere.</li>
 *   <li>{@code tiny}, run {@code run-draft}: newest, MAE 5.0, never published (no ops.runs row).</li>
 *   <li>{@code tiny_metal} (is_metal classification), run {@code run-metal}: target_only, forest trees=10, folds
 *       0 and 1 (accuracy 0.76 and 0.84), 25 test rows each, 40 of the 50 labelled correctly, with probability 0.9
 *       for the predicted class where it is right and 0.65 where it is wrong.</li>
 *   <li>{@code curated.sources} rows for matbench_expt_gap, matbench_mp_gap and magpie_elements.</li>
 * </ul>
 */
public final class ResultRows {
  public static final String TARGET = "band_gap/experiment/matbench_expt_gap";
  public static final String DEFINITION = """
      name = tiny
      description = "hand-made rows"
      target = "band_gap/experiment/matbench_expt_gap"
      sources = [
        { context = "band_gap/pbe/matbench_mp_gap", aggregate = median }
        { context = "band_gap/experiment/borlido2019", aggregate = median }
      ]
      allow-experimental-sources { "band_gap/experiment/borlido2019" = "a sensitivity check, not a benchmark" }
      features = magpie
      architectures = [target_only, source_only, latent_variable]
      learners = [ { name = forest, grid { trees = [10, 20] } } ]
      cv { folds = 3 }
      inner-folds = 2
      learning-curve = [5, all]
      seed = 1
      """;
  public static final String METAL_DEFINITION = """
      name = tiny_metal
      target = "is_metal/experiment/matbench_expt_is_metal"
      features = magpie
      architectures = [target_only]
      learners = [ { name = forest, grid { trees = [10] } } ]
      cv { folds = 2 }
      """;
  public static final String CITATION_EXPT = "Y. Zhuo et al., J. Phys. Chem. Lett. 9, 1668 (2018)";
  public static final String CITATION_MP = "A. Jain et al., APL Mater. 1, 011002 (2013)";
  public static final String CITATION_MAGPIE = "L. Ward et al., npj Comput. Mater. 2, 16028 (2016)";

  private static final double[] ACTUALS = {0, 0, 1, 2};

  private ResultRows() {}

  public static void write(Lake lake) {
    List<Row> metrics = new ArrayList<>();
    List<Row> predictions = new ArrayList<>();
    List<Row> selected = new ArrayList<>();
    for (int fold = 0; fold < 3; fold++) {
      for (int size : new int[] {0, 5}) {
        int nTrain = size == 0 ? 8 : 5;
        boolean all = size == 0;
        // target_only: trees=10 chosen (inner 0.8 < 0.9), trees=20 better on the test fold
        metrics.add(metric("run-new", "tiny", TARGET, "target_only", "trees=10", fold, size, nTrain,
            all ? 0.5 + 0.1 * fold : 0.9, all ? 0.8 + 0.2 * fold : 1.1, 0.8));
        metrics.add(metric("run-new", "tiny", TARGET, "target_only", "trees=20", fold, size, nTrain, 0.1, 0.2, 0.9));
        selected.add(selected("run-new", "tiny", "target_only", fold, nTrain, "trees=10", 0.8));
        // latent_variable: trees=20 chosen (inner 0.6 < 0.7), trees=10 better on the test fold
        metrics.add(metric("run-new", "tiny", TARGET, "latent_variable", "trees=20", fold, size, nTrain,
            all ? 0.3 + 0.1 * fold : 0.7, all ? 0.6 + 0.1 * fold : 0.9, 0.6));
        metrics.add(metric("run-new", "tiny", TARGET, "latent_variable", "trees=10", fold, size, nTrain, 0.05, 0.1,
            0.7));
        selected.add(selected("run-new", "tiny", "latent_variable", fold, nTrain, "trees=20", 0.6));
        // source_only: one candidate, whatever the size
        metrics.add(metric("run-new", "tiny", TARGET, "source_only", "", fold, size, nTrain, 0.5, 0.9, 0.5));
        selected.add(selected("run-new", "tiny", "source_only", fold, nTrain, "", 0.5));
        if (all) {
          double[] targetOnlyMiss = {0.2, 0.4, 0.5, 0.5};
          double[] latentMiss = {0.1, 0.1, 0.2, 0.2};
          for (int i = 0; i < ACTUALS.length; i++) {
            long record = fold * 4L + i;
            predictions.add(prediction("target_only", "trees=10", fold, record, ACTUALS[i] + targetOnlyMiss[i]));
            predictions.add(prediction("target_only", "trees=20", fold, record, ACTUALS[i]));
            predictions.add(prediction("latent_variable", "trees=20", fold, record, ACTUALS[i] + latentMiss[i]));
            predictions.add(prediction("latent_variable", "trees=10", fold, record, ACTUALS[i]));
            predictions.add(prediction("source_only", "", fold, record, ACTUALS[i] + 0.5));
          }
        }
      }
      metrics.add(metric("run-old", "tiny", TARGET, "target_only", "trees=10", fold, 0, 8, 9.0, 9.0, null));
      metrics.add(metric("run-draft", "tiny", TARGET, "target_only", "trees=10", fold, 0, 8, 5.0, 5.0, null));
    }
    String metalTarget = "is_metal/experiment/matbench_expt_is_metal";
    for (int fold = 0; fold < 2; fold++) {
      int correct = fold == 0 ? 19 : 21;
      metrics.add(RowFactory.create("run-metal", "tiny_metal", metalTarget, unitId("target_only", "trees=10", fold, 0),
          "target_only", "forest", "trees=10", fold, 25, 25, 0, 1L, null, null, null, null, null, null, null,
          correct / 25.0, 0.7 + 0.1 * fold, 0.75, 0.85, 0.45, null, 1.0, 0.1, "test", "sha", 0, "driver"));
      for (int i = 0; i < 25; i++) {
        String actual = i % 2 == 0 ? "metal" : "non_metal";
        String predicted = i < correct ? actual : (actual.equals("metal") ? "non_metal" : "metal");
        double sure = i < correct ? 0.9 : 0.65;
        predictions.add(RowFactory.create("run-metal", "tiny_metal", unitId("target_only", "trees=10", fold, 0),
            "target_only", "forest", "trees=10", fold, 25, 0, "matbench_expt_is_metal", "expt_is_metal.csv",
            fold * 25L + i, "K" + i, null, actual, null, null, predicted,
            seq(predicted.equals("metal") ? List.of(sure, 1 - sure) : List.of(1 - sure, sure)), null, null));
      }
    }
    append(lake, LakeTable.METRICS, metrics);
    append(lake, LakeTable.PREDICTIONS, predictions);
    append(lake, LakeTable.SELECTED, selected);
    append(lake, LakeTable.RUNS, List.of(
        run("run-old", "tiny", DEFINITION, "2026-01-01T10:00:00Z", 300),
        run("run-new", "tiny", DEFINITION, "2026-02-01T10:00:00Z", 725),
        run("run-metal", "tiny_metal", METAL_DEFINITION, "2026-01-15T10:00:00Z", 42)));
    append(lake, LakeTable.SOURCES, List.of(
        source("matbench_expt_gap", CITATION_EXPT, "MIT", "https://example.org/expt_gap.csv"),
        source("matbench_mp_gap", CITATION_MP, "CC BY 4.0", "https://example.org/mp_gap.csv"),
        source("magpie_elements", CITATION_MAGPIE, "MIT", null)));
  }

  /** The unit id a train run gives: the requested size, 0 for all. */
  public static String unitId(String architecture, String params, int fold, int size) {
    return architecture + "|forest|" + params + "|f" + fold + "|n" + size + "|r0";
  }

  private static Row metric(String run, String experiment, String target, String architecture, String params,
      int fold, int size, int nTrain, double mae, double rmse, Double inner) {
    return RowFactory.create(run, experiment, target, unitId(architecture, params, fold, size), architecture,
        "forest", params, fold, nTrain, 4, 0, 1L, mae, rmse, 0.5, 1.0, 0.7, 0.95, 0.4, null, null, null, null, null,
        inner, 1.0, 0.1, "test", "sha", size, "driver");
  }

  private static Row selected(String run, String experiment, String architecture, int fold, int nTrain, String params,
      double inner) {
    return RowFactory.create(run, experiment, architecture, "forest", fold, nTrain, 0, params, params.isEmpty() ? 1 : 2,
        inner, null, null, null, null);
  }

  private static Row prediction(String architecture, String params, int fold, long record, double mean) {
    return RowFactory.create("run-new", "tiny", unitId(architecture, params, fold, 0), architecture, "forest", params,
        fold, 8, 0, "matbench_expt_gap", "expt_gap.csv", record, "K" + record, ACTUALS[(int) (record % 4)], null, mean,
        0.5, null, null, false, 0.25);
  }

  private static Row run(String id, String experiment, String definition, String finished, double seconds) {
    Instant end = Instant.parse(finished);
    return RowFactory.create(id, "train", experiment, "published", 12L,
        Timestamp.from(end.minusMillis((long) (seconds * 1000))), Timestamp.from(end), seconds, "0.1.0-test",
        "sha-" + id, definition, "featurize { element-source = magpie_elements }",
        CollectionConverters.asScala(Map.of("lake.curated.observations", 111L, "lake.features.magpie", 222L)),
        null);
  }

  private static Row source(String id, String citation, String licence, String url) {
    return RowFactory.create(id, "title of " + id, "observations", "csv", null, null, "sha", null, "def", url,
        "owner/" + id, "abc123", "data/" + id, licence, citation, null, null, "ingest", null, null, null);
  }

  private static void append(Lake lake, LakeTable table, List<Row> rows) {
    lake.append(table, lake.spark().createDataFrame(rows, lake.read(table).schema()));
  }

  private static scala.collection.immutable.Seq<Object> seq(List<Double> values) {
    return CollectionConverters.asScala(new ArrayList<Object>(values)).toSeq();
  }
}
