package org.transferlake.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.transferlake.testing.TestPaths;

class ExperimentCatalogTest {
  private static final UnitCost COST = new UnitCost(4604, 100_000, 1, 0, 3);

  private static final File DIR = new File(TestPaths.project(), "conf/experiments");

  @Test
  void everyShippedExperimentIsValid() {
    File[] files = DIR.listFiles((d, n) -> n.endsWith(".conf"));
    assertTrue(files != null && files.length > 0);
    for (File f : files) {
      ExperimentDefinition e = ExperimentCatalog.read(f);
      assertEquals(f.getName(), e.name() + ".conf");
    }
  }

  @Test
  void gridsExpandToEveryCombinationAndRandomSearchDrawsASeededSubset() {
    LearnerSpec grid = new LearnerSpec("forest", Map.of("trees", List.of("50", "100"), "min_leaf", List.of("1", "3", "5")),
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
    assertEquals(6 * 2 * 5 * 4, UnitPlan.expand(e, 5).size());
  }

  @Test
  void packingBalancesCostAndIsStable() {
    ExperimentDefinition e = ExperimentCatalog.load(DIR, "expt_gap_mp_pbe");
    List<WorkUnit> units = UnitPlan.expand(e, 5);
    List<List<WorkUnit>> bins = UnitPlan.pack(units, 8, COST);
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
    assertEquals(bins, UnitPlan.pack(units, 8, COST));
  }

  @Test
  void wavesHoldEveryUnitOnceWithASimilarMixOfCosts() {
    List<WorkUnit> units = UnitPlan.expand(ExperimentCatalog.load(DIR, "expt_gap_mp_pbe"), 5);
    List<List<WorkUnit>> waves = UnitPlan.waves(units, 50, COST);
    assertEquals(5, waves.size());
    assertEquals(units.size(), waves.stream().mapToInt(List::size).sum());
    assertEquals(units.size(), waves.stream().flatMap(List::stream).map(WorkUnit::id).distinct().count());
    double first = waves.get(0).stream().mapToDouble(COST::seconds).sum();
    double last = waves.get(4).stream().mapToDouble(COST::seconds).sum();
    assertTrue(last > 0.8 * first && last <= first, "waves of similar cost: " + first + " vs " + last);
    assertEquals(1, UnitPlan.waves(units, Integer.MAX_VALUE, COST).size());
  }
}
