package org.transferlake.train.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlake.model.components.Components;
import org.transferlake.config.PropertyCatalog;
import org.transferlake.config.SettingsException;
import org.transferlake.config.SettingsLoader;
import org.transferlake.testing.TestPaths;
import org.transferlake.train.units.UnitCost;
import org.transferlake.train.units.UnitPlan;
import org.transferlake.train.units.WorkUnit;

class ExperimentCatalogTest {
  private static final UnitCost COST = new UnitCost(4604, 100_000, 1, 0, 3);

  private static final File DIR = new File(TestPaths.project(), "conf/experiments");

  private static final PropertyCatalog PROPERTIES = new SettingsLoader().withoutSystemProperties().load().properties();

  @Test
  void everyShippedExperimentIsValid() {
    File[] files = DIR.listFiles((d, n) -> n.endsWith(".conf"));
    assertTrue(files != null && files.length > 0);
    for (File f : files) {
      ExperimentDefinition e = ExperimentCatalog.read(f);
      assertEquals(f.getName(), e.name() + ".conf");
      assertEquals(e, ExperimentCatalog.load(List.of(DIR), e.name(), PROPERTIES), "and fits its target's kind");
    }
  }

  @Test
  void everyShippedRegressionWithASourceHasTheSourceOnlyYardstick() {
    File[] files = DIR.listFiles((d, n) -> n.endsWith(".conf"));
    for (File f : files) {
      ExperimentDefinition e = ExperimentCatalog.read(f);
      boolean regression = PROPERTIES.get(e.target().property()).numeric();
      assertEquals(regression && !e.sources().isEmpty(), e.architectures().contains("source_only"), e.name());
    }
  }

  @Test
  void sourceOnlyTakesOnlyANumericTargetWithASource() throws IOException {
    assertEquals(file() + ": architectures: source_only needs at least one source context in 'sources'",
        refusal("sources = [ { context = \"band_gap/pbe/matbench_mp_gap\", aggregate = median } ]", ""));
    assertEquals(file() + ": architectures: source_only takes numeric targets only; 'target-classes' makes the"
        + " target a label", refusal("features = magpie", "features = magpie\ntarget-classes { wide = [\"wide\"] }"));
    String text = Files.readString(new File(DIR, "expt_gap_quick.conf").toPath());
    File metal = new File(tmp, "metal.conf");
    Files.writeString(metal.toPath(), text.replace("name = expt_gap_quick", "name = metal")
        .replace("band_gap/experiment/matbench_expt_gap", "is_metal/experiment/matbench_expt_is_metal")
        .replace("architectures = [target_only, source_only, difference, latent_variable]",
            "architectures = [target_only, source_only, latent_variable]"));
    assertEquals(metal.getPath() + ": architectures: source_only takes numeric targets only; the target"
        + " is_metal/experiment/matbench_expt_is_metal is a label",
        assertThrows(SettingsException.class, () -> ExperimentCatalog.load(List.of(tmp), "metal", PROPERTIES))
            .getMessage());
    assertEquals(List.of("target_only", "source_only", "difference", "latent_variable"),
        ExperimentCatalog.load(List.of(DIR), "expt_gap_quick", PROPERTIES).architectures());
  }

  @TempDir
  File tmp;

  /** The message that refuses expt_gap_quick with {@code from} written {@code to}. */
  private String refusal(String from, String to) throws IOException {
    String text = Files.readString(new File(DIR, "expt_gap_quick.conf").toPath());
    assertTrue(text.contains(from), from);
    File file = new File(tmp, "expt_gap_quick.conf");
    Files.writeString(file.toPath(), text.replace(from, to));
    return assertThrows(SettingsException.class, () -> ExperimentCatalog.read(file)).getMessage();
  }

  private String file() {
    return new File(tmp, "expt_gap_quick.conf").getPath();
  }

  @Test
  void anUnknownTopLevelKeyIsRefusedWithTheNearestKnownOne() throws IOException {
    String message = refusal("seed = 42", "sed = 42");
    assertTrue(message.startsWith(file() + ": sed: unknown key; did you mean seed? (known: allow-experimental-sources,"
        + " architectures, campaign, cv,"),
        message);
  }

  @Test
  void anUnknownCvKeyIsRefusedWithItsPath() throws IOException {
    assertEquals(file() + ": cv.fold-tabel: unknown key; did you mean cv.fold-table? (known: assign, fold-table,"
        + " folds, seed)", refusal("fold-table =", "fold-tabel ="));
  }

  @Test
  void anUnknownOptionIsRefusedWithItsPath() throws IOException {
    String message = refusal("use-measured = true", "use-mesured = true");
    assertTrue(message.startsWith(file() + ": options.use-mesured: unknown key; did you mean options.use-measured?"
        + " (known: add-source-variance, cross-fit-folds, source-learner,"), message);
  }

  @Test
  void anUnknownKeyOfASourceIsRefusedWithItsIndex() throws IOException {
    assertEquals(file() + ": sources[0].agregate: unknown key; did you mean sources[0].aggregate? (known: aggregate,"
        + " context)", refusal("aggregate = median", "agregate = median"));
  }

  @Test
  void anUnknownKeyOfALearnerIsRefusedWithItsIndex() throws IOException {
    assertEquals(file() + ": learners[0].serach: unknown key; did you mean learners[0].search? (known: eta, grid,"
        + " min-resource, name, samples, search)", refusal("name = forest, grid", "name = forest, serach = random, grid"));
  }

  @Test
  void anUnknownGridParameterIsRefusedAgainstTheLearnersParameters() throws IOException {
    assertEquals(file() + ": learners[0].grid.treez: unknown key; did you mean learners[0].grid.trees? (known:"
        + " calibrate, max-depth, max-features, min-leaf, trees)", refusal("trees = [100]", "treez = [100]"));
    assertEquals(file() + ": learners[0].grid.leaves: unknown key (known: calibrate, max-depth, max-features,"
        + " min-leaf, trees)", refusal("trees = [100]", "leaves = [100]"), "nothing near: the known keys alone");
  }

  @Test
  void anUnknownSourceLearnerParameterIsRefusedAgainstTheLearnersParameters() throws IOException {
    assertEquals(file() + ": options.source-learner.max-feature: unknown key; did you mean"
        + " options.source-learner.max-features? (known: calibrate, max-depth, max-features, min-leaf, name, trees)",
        refusal("max-features = 0.33", "max-feature = 0.33"));
  }

  @Test
  void anOldSnakeCaseSpellingIsRefusedWithTheNewOne() throws IOException {
    assertEquals(file() + ": options.source-learner.max_features: experiment keys are kebab-case; write"
        + " options.source-learner.max-features", refusal("max-features = 0.33", "max_features = 0.33"));
    assertEquals(file() + ": learners[0].grid.min_leaf: experiment keys are kebab-case; write"
        + " learners[0].grid.min-leaf", refusal("trees = [100]", "trees = [100], min_leaf = [1]"));
    assertEquals(file() + ": inner_folds: experiment keys are kebab-case; write inner-folds",
        refusal("inner-folds = 0", "inner_folds = 0"));
  }

  @Test
  void anArchitectureTakesNoMoreSourcesThanItDeclares() throws IOException {
    assertEquals(file() + ": architectures: difference takes at most 1 source context; 'sources' has 2",
        refusal("sources = [ { context = \"band_gap/pbe/matbench_mp_gap\", aggregate = median } ]",
            "sources = [ { context = \"band_gap/pbe/matbench_mp_gap\" }, { context = \"band_gap/pbe/oqmd_gap\" } ]"));
  }

  @Test
  void aDefinitionRecordedWithTheOldSpellingReadsWithTheNewOne() throws IOException {
    String text = Files.readString(new File(DIR, "expt_gap_quick.conf").toPath())
        .replace("max-features = 0.33, min-leaf = 2", "max_features = 0.33, min_leaf = 2")
        .replace("trees = [100]", "trees = [100], max_depth = [0, 8]");
    ExperimentDefinition e = ExperimentCatalog.parse(text, "ops.runs.definition of run r1");
    assertEquals(Map.of("trees", "30", "max-features", "0.33", "min-leaf", "2"), e.sourceParams());
    assertEquals(Map.of("trees", List.of("100"), "max-depth", List.of("0", "8")), e.learners().get(0).grid());
  }

  @Test
  void aHyperparameterValueIsCheckedByItsLearnerNamingTheKeyPath() throws IOException {
    assertEquals(file() + ": learners[0].grid.max-features: 1.5: expected a fraction in (0, 1]",
        refusal("trees = [100]", "trees = [100], max-features = [0.5, 1.5]"));
    assertEquals(file() + ": options.source-learner.min-leaf: 0: expected 1 or more",
        refusal("min-leaf = 2", "min-leaf = 0"));
    assertEquals(file() + ": learners[0].name: learner 'forests' is not known (known: forest, mlp, mllib_rf,"
        + " mllib_gbt, mllib_linear)", refusal("name = forest, grid", "name = forests, grid"));
  }

  /** Measured gaps from Matbench's table and Borlido's: the second is refused unless allowed. */
  private static final String TWO_GAPS = """
      name = two_gaps
      target = "band_gap/experiment/matbench_expt_gap"
      sources = [ { context = "band_gap/pbe/matbench_mp_gap" }, { context = "band_gap/experiment/borlido2019" } ]
      features = magpie
      architectures = [target_only, latent_variable]
      learners = [ { name = forest } ]
      """;

  @Test
  void anAllowedExperimentalSourceKeepsItsReason() {
    ExperimentDefinition e = ExperimentCatalog.parse(TWO_GAPS + "allow-experimental-sources {\n"
        + "  \"band_gap/experiment/borlido2019\" = \"  a sensitivity check \"\n}\n", "two_gaps.conf");
    assertEquals(Map.of("band_gap/experiment/borlido2019", "a sensitivity check"), e.allowedExperimentalSources());
    assertEquals(Map.of(), ExperimentCatalog.parse(TWO_GAPS, "two_gaps.conf").allowedExperimentalSources());
  }

  @Test
  void anAllowanceNamesASourceOfTheExperimentAndSaysWhy() {
    String key = "two_gaps.conf: allow-experimental-sources.\"band_gap/experiment/";
    assertEquals(key + "strehlow_cook_1973\": not a source of this experiment (sources: band_gap/pbe/matbench_mp_gap,"
        + " band_gap/experiment/borlido2019); allow only a context listed in 'sources'",
        allowanceRefusal("\"band_gap/experiment/strehlow_cook_1973\" = \"measured on other crystals\""));
    String noReason = key + "borlido2019\": expected the reason the source is sound, in quotes (\"measured on other"
        + " samples than the target's\"); it is kept with the run and shown in its report";
    assertEquals(noReason, allowanceRefusal("\"band_gap/experiment/borlido2019\" = \" \""));
    assertEquals(noReason, allowanceRefusal("\"band_gap/experiment/borlido2019\" = true"));
    assertEquals("two_gaps.conf: allow-experimental-sources: expected an object { ... }", assertThrows(
        SettingsException.class, () -> ExperimentCatalog.parse(TWO_GAPS + "allow-experimental-sources = yes",
            "two_gaps.conf")).getMessage());
  }

  private static String allowanceRefusal(String entry) {
    return assertThrows(SettingsException.class, () -> ExperimentCatalog.parse(TWO_GAPS
        + "allow-experimental-sources { " + entry + " }", "two_gaps.conf")).getMessage();
  }

  @Test
  void anObjectKeyHoldingAValueIsRefused() throws IOException {
    assertEquals(file() + ": cv: expected an object { ... }",
        refusal("cv { fold-table = \"matbench_expt_gap_folds.csv\" }", "cv = 5"));
  }

  @Test
  void everyDefaultIsOfItsKindAndEveryKeyHasAMeaning() {
    for (ExperimentSchema.Key key : ExperimentSchema.keys()) {
      assertTrue(!key.meaning().isBlank(), key.path());
      Object v = key.fallback();
      boolean fits = v == null || switch (key.kind()) {
        case STRING -> v instanceof String;
        case WHOLE_NUMBER -> v instanceof Integer;
        case BOOLEAN -> v instanceof Boolean;
        case LIST -> v instanceof List<?>;
        case LEARNER -> v instanceof Map<?, ?>;
        default -> false;
      };
      assertTrue(fits, key.path() + " = " + v);
    }
  }

  @Test
  void gridsExpandToEveryCombinationAndRandomSearchDrawsASeededSubset() {
    LearnerSpec grid = new LearnerSpec("forest", Map.of("trees", List.of("50", "100"), "min-leaf", List.of("1", "3", "5")),
        "grid", 0);
    assertEquals(6, grid.points(1).size());
    LearnerSpec random = new LearnerSpec("forest", grid.grid(), "random", 4);
    assertEquals(4, random.points(1).size());
    assertEquals(random.points(1), random.points(1), "the same seed draws the same points");
    assertEquals(6, random.points(1).stream().distinct().count() + 2);
  }

  @Test
  void theFullStudyExpandsIntoTheStatedNumberOfUnits() {
    ExperimentDefinition e = ExperimentCatalog.load(DIR, "expt_gap_mp_pbe");
    // six architectures x 2 grid points, and source_only, which fits no learner, once: x 5 folds x 4 sizes
    assertEquals((6 * 2 + 1) * 5 * 4, UnitPlan.expand(e, 5).size());
  }

  @Test
  void sourceOnlyHasOneUnitPerLearnerWithNoHyperparameters() {
    ExperimentDefinition e = ExperimentCatalog.load(DIR, "study1_gap_mp_pbe_sweep");
    List<WorkUnit> units = UnitPlan.expand(e, 5).stream().filter(u -> u.architecture().equals("source_only")).toList();
    assertEquals(2 * 5, units.size(), "forest and mlp (27 and 9 candidates) x 5 folds");
    assertEquals(List.of("forest", "mlp"), units.stream().map(WorkUnit::learner).distinct().toList());
    assertTrue(units.stream().allMatch(u -> u.params().isEmpty()), "no hyperparameters");
    WorkUnit sourceOnly = units.get(0);
    WorkUnit difference = new WorkUnit("difference", "forest", Map.of(), "magpie", false, 0, 0, 0, 1);
    assertTrue(COST.seconds(sourceOnly) < 0.02 * COST.seconds(difference), "it fits nothing: tiny");
  }

  @Test
  void packingBalancesCostAndIsStable() {
    ExperimentDefinition e = ExperimentCatalog.load(DIR, "expt_gap_mp_pbe");
    List<WorkUnit> units = UnitPlan.expand(e, 5);
    List<List<WorkUnit>> bins = UnitPlan.pack(units, 8, 2, COST);
    assertEquals(8, bins.size());
    assertEquals(units.size(), bins.stream().mapToInt(List::size).sum());
    double max = 0;
    double min = Double.MAX_VALUE;
    for (List<WorkUnit> bin : bins) {
      double cost = bin.stream().mapToDouble(u -> COST.seconds(u)).sum();
      max = Math.max(max, cost);
      min = Math.min(min, cost);
    }
    assertTrue(max < 1.2 * min, "bins within 20% of each other");
    assertEquals(bins, UnitPlan.pack(units, 8, 2, COST));
  }

  @Test
  void theCostModelFollowsWhatTheMeasuredRunsShowed() {
    UnitCost cost = new UnitCost(4604, 78_164, 1, 8000, 0);
    BiFunction<String, Map<String, String>, Double> seconds = (learner, params) ->
        cost.seconds(new WorkUnit("target_only", learner, params, "magpie", false, 0, 0, 0, 1));
    // an mlp stops early: max-epochs beyond twice the patience costs nothing more
    assertEquals(seconds.apply("mlp", Map.of("max-epochs", "100", "patience", "10")),
        seconds.apply("mlp", Map.of("max-epochs", "1000", "patience", "10")));
    assertTrue(seconds.apply("mlp", Map.of("max-epochs", "10", "patience", "10"))
        < seconds.apply("mlp", Map.of("max-epochs", "100", "patience", "10")));
    // a third of the features takes more than a third of the time (200 trees on 3,683 rows: 7.4 s against 17.5 s)
    double ratio = seconds.apply("forest", Map.of("max-features", "0.33"))
        / seconds.apply("forest", Map.of("max-features", "1"));
    assertTrue(ratio > 0.4 && ratio < 0.5, "ratio " + ratio);
    // a two-stage unit costs less than a classifier plus the inner architecture on every row
    double twoStage = cost.seconds(new WorkUnit("two_stage_difference", "forest", Map.of(), "magpie", false, 0, 0, 0,
        1));
    double difference = cost.seconds(new WorkUnit("difference", "forest", Map.of(), "magpie", false, 0, 0, 0, 1));
    assertTrue(twoStage > difference && twoStage < 1.5 * difference, twoStage + " against " + difference);
  }

  /** The full profile's sweep as it was before successive halving: 4 grid points per learner, every unit trained. */
  private static final String GRID_SWEEP = """
      name = grid_sweep
      target = "band_gap/experiment/matbench_expt_gap"
      sources = [ { context = "band_gap/pbe/matbench_mp_gap", aggregate = median } ]
      features = magpie
      architectures = [target_only, source_only, naive_union, union_context, multi_task, difference, latent_variable,
        two_stage_difference]
      learners = [
        { name = forest, grid { trees = [200], max-features = [0.33, 1.0], min-leaf = [1, 3] } }
        { name = mlp, grid { hidden = ["64x32", "128x64"], ensemble = [3], max-epochs = [100], patience = [10],
          batch-size = [128], learning-rate = [0.001, 0.003], dropout = [0.1] } }
      ]
      cv { folds = 5 }
      inner-folds = 3
      options { union-source-rows = 8000 }
      """;

  @Test
  void tasksSideBySideInAJvmReachTheirMlpUnitsAtDifferentTimes() {
    ExperimentDefinition e = ExperimentCatalog.parse(GRID_SWEEP, "grid_sweep.conf");
    UnitCost cost = new UnitCost(4604, 78_164, 1, 8000, 3);
    List<WorkUnit> wave = UnitPlan.waves(UnitPlan.expand(e, 5), 140, cost).get(0);
    List<List<WorkUnit>> tasks = UnitPlan.pack(wave, 8, 2, cost); // local[2]: 4 tasks per core, 2 at a time
    assertEquals(wave.size(), tasks.stream().mapToInt(List::size).sum());
    // the same tasks with their units in cost order (as packed before): side by side, they reach their mlp units
    // together and take turns at the lock
    List<List<WorkUnit>> costOrder = tasks.stream().map(task -> task.stream()
        .sorted(java.util.Comparator.comparingDouble((WorkUnit u) -> -cost.seconds(u)).thenComparing(WorkUnit::id))
        .toList()).toList();
    double[] staggered = runInOneJvm(tasks, 2, cost);
    double[] inCostOrder = runInOneJvm(costOrder, 2, cost);
    assertTrue(inCostOrder[1] > 0.1 * inCostOrder[0], "cost order waits " + inCostOrder[1] + " s of " + inCostOrder[0]);
    assertTrue(staggered[1] < 0.02 * staggered[0], "staggered waits " + staggered[1] + " s of " + staggered[0]);
    assertTrue(staggered[0] < 0.95 * inCostOrder[0], "and ends sooner: " + staggered[0] + " against "
        + inCostOrder[0]);
    assertEquals(tasks, UnitPlan.pack(wave, 8, 2, cost), "stable");
  }

  /**
   * Runs tasks in one JVM of {@code cores} cores as Spark does (in index order, each core taking the next task when
   * free), units taking their expected cost and mlp units one at a time: {end, seconds spent waiting for the lock}.
   */
  private static double[] runInOneJvm(List<List<WorkUnit>> tasks, int cores, UnitCost cost) {
    double[] clock = new double[cores];
    java.util.List<java.util.Iterator<WorkUnit>> running = new java.util.ArrayList<>();
    java.util.Iterator<List<WorkUnit>> queue = tasks.iterator();
    for (int c = 0; c < cores; c++) {
      running.add(queue.hasNext() ? queue.next().iterator() : java.util.Collections.emptyIterator());
    }
    double lockFree = 0;
    double waited = 0;
    while (true) {
      int c = -1;
      for (int i = 0; i < cores; i++) {
        while (!running.get(i).hasNext() && queue.hasNext()) {
          running.set(i, queue.next().iterator());
        }
        if (running.get(i).hasNext() && (c < 0 || clock[i] < clock[c])) {
          c = i;
        }
      }
      if (c < 0) {
        return new double[] {java.util.Arrays.stream(clock).max().orElse(0), waited};
      }
      WorkUnit u = running.get(c).next();
      double start = clock[c];
      if (Components.learner(u.learner()).trainsOneAtATime()) {
        start = Math.max(start, lockFree);
        lockFree = start + cost.seconds(u);
      }
      waited += start - clock[c];
      clock[c] = start + cost.seconds(u);
    }
  }

  @Test
  void wavesHoldEveryUnitOnceWithASimilarMixOfCosts() {
    List<WorkUnit> units = UnitPlan.expand(ExperimentCatalog.load(DIR, "expt_gap_mp_pbe"), 5);
    List<List<WorkUnit>> waves = UnitPlan.waves(units, 50, COST);
    assertEquals(6, waves.size(), "260 units, 50 a wave");
    assertEquals(units.size(), waves.stream().mapToInt(List::size).sum());
    assertEquals(units.size(), waves.stream().flatMap(List::stream).map(WorkUnit::id).distinct().count());
    double first = waves.get(0).stream().mapToDouble(COST::seconds).sum();
    double last = waves.get(5).stream().mapToDouble(COST::seconds).sum();
    assertTrue(last > 0.8 * first && last <= first, "waves of similar cost: " + first + " vs " + last);
    assertEquals(1, UnitPlan.waves(units, Integer.MAX_VALUE, COST).size());
  }
}
