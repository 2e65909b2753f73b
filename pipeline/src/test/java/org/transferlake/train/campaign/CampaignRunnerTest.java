package org.transferlake.train.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.transferlake.train.experiment.CampaignSpec;

/** One unit's campaign on a tiny pool: what it may see, that it repeats itself, and what it counts. */
class CampaignRunnerTest {
  private static final List<CampaignUnit> UNITS = CampaignPlan.units(CampaignData.experiment());

  private static CampaignUnit unit(String arm, int repeat) {
    return UNITS.stream().filter(u -> u.arm().name().equals(arm) && u.repeat() == repeat).findFirst().orElseThrow();
  }

  /** The composition keys revealed in each round, round 0 (the initial rows) first. */
  private static List<List<String>> choices(CampaignResult r) {
    return r.rounds().stream().map(Round::revealed).toList();
  }

  @Test
  void theChoicesDoNotChangeWhenTheUnrevealedValuesAreShuffledAmongThemselves() {
    double[] y = CampaignData.values();
    String[] keys = CampaignData.keys();
    for (CampaignUnit u : UNITS.stream().filter(u -> u.repeat() == 0).toList()) {
      CampaignResult before = CampaignData.runner(y).run(u);
      Set<String> revealed = new HashSet<>();
      before.rounds().forEach(r -> revealed.addAll(r.revealed()));
      List<Integer> hidden = new ArrayList<>();
      for (int i = 0; i < keys.length; i++) {
        if (!revealed.contains(keys[i])) {
          hidden.add(i);
        }
      }
      List<Double> values = new ArrayList<>(hidden.stream().map(i -> y[i]).toList());
      java.util.Collections.shuffle(values, new Random(3));
      double[] shuffled = y.clone();
      for (int k = 0; k < hidden.size(); k++) {
        shuffled[hidden.get(k)] = values.get(k);
      }
      assertNotEquals(java.util.Arrays.toString(y), java.util.Arrays.toString(shuffled));
      CampaignResult after = CampaignData.runner(shuffled).run(u);
      assertEquals(choices(before), choices(after), u.id() + " chose by values it had not measured");
      assertEquals(before.rounds().stream().map(Round::hits).toList(),
          after.rounds().stream().map(Round::hits).toList(), u.id());
    }
  }

  @Test
  void aUnitRunTwiceOrByAnotherRunnerGivesIdenticalRounds() {
    double[] y = CampaignData.values();
    CampaignRunner runner = CampaignData.runner(y);
    for (CampaignUnit u : UNITS) {
      List<Round> first = runner.run(u).rounds();
      assertEquals(stripTimes(first), stripTimes(runner.run(u).rounds()), u.id());
      assertEquals(stripTimes(first), stripTimes(CampaignData.runner(y).run(u).rounds()), u.id());
    }
    assertEquals(UNITS, CampaignPlan.units(CampaignData.experiment()), "the same file, the same units and seeds");
  }

  private static List<Round> stripTimes(List<Round> rounds) {
    return rounds.stream().map(r -> new Round(r.round(), r.measured(), r.hits(), r.best(), r.maeUnmeasured(),
        r.revealed(), r.values(), 0)).toList();
  }

  @Test
  void experimentsExcludeTheInitialRowsHitsOnlyGrowAndTheCampaignStopsAtTheBudget() {
    CampaignSpec spec = CampaignData.experiment().campaign();
    for (CampaignUnit u : UNITS) {
      List<Round> rounds = CampaignData.runner(CampaignData.values()).run(u).rounds();
      assertEquals(List.of(0, 3, 6, 9, 12, 14), rounds.stream().map(Round::measured).toList(),
          u.id() + ": batches of 3, the last cut to the budget of 14");
      assertEquals(spec.initialRows(), rounds.get(0).revealed().size());
      assertEquals(0, rounds.get(0).hits(), "initial rows are not experiments, nor their hits");
      Set<String> seen = new HashSet<>();
      int hits = 0;
      for (Round r : rounds) {
        r.revealed().forEach(k -> assertTrue(seen.add(k), u.id() + ": " + k + " measured twice"));
        if (r.round() > 0) {
          hits += (int) r.values().stream().filter(spec::hit).count();
        }
        assertEquals(hits, r.hits(), u.id() + " round " + r.round());
        assertTrue(r.hits() <= r.measured());
      }
    }
  }

  @Test
  void everyArmOfARepeatStartsFromTheSameRowsAndRepeatsDiffer() {
    CampaignRunner runner = CampaignData.runner(CampaignData.values());
    List<String> start = runner.run(unit("random", 0)).rounds().get(0).revealed();
    for (CampaignUnit u : UNITS.stream().filter(u -> u.repeat() == 0).toList()) {
      assertEquals(start, runner.run(u).rounds().get(0).revealed(), u.id());
    }
    assertNotEquals(start, runner.run(unit("random", 1)).rounds().get(0).revealed());
  }

  @Test
  void randomFitsNothingAndMeasuresInASeededOrder() {
    CampaignRunner runner = CampaignData.runner(CampaignData.values());
    CampaignResult r0 = runner.run(unit("random", 0));
    for (Round r : r0.rounds()) {
      assertNull(r.maeUnmeasured(), "random predicts nothing");
      assertEquals(0.0, r.fitSeconds());
    }
    assertNotEquals(choices(r0).subList(1, r0.rounds().size()),
        choices(runner.run(unit("random", 1))).subList(1, r0.rounds().size()), "each repeat its own order");
    CampaignResult model = runner.run(unit("target_only+forest+probability_in_window", 0));
    for (Round r : model.rounds().subList(1, model.rounds().size())) {
      assertTrue(r.maeUnmeasured() != null && r.maeUnmeasured() >= 0, "a model's MAE on the unmeasured");
      assertEquals(r.revealed().size(), r.revealed().stream().map(CampaignRunner::chemicalSystem).distinct().count(),
          "one composition per chemical system in a batch: " + r.revealed());
    }
  }

  @Test
  void differenceLearnsTheSourcesOffsetWhichTheSourceRankingCannot() {
    // the source reads 0.5 low: ranked by itself it seeks the window 0.5 too low; difference learns the offset
    CampaignRunner runner = CampaignData.runner(CampaignData.values());
    int source = 0;
    int difference = 0;
    for (int repeat = 0; repeat < 2; repeat++) {
      source += last(runner.run(unit("source_only+probability_in_window", repeat))).hits();
      difference += last(runner.run(unit("difference+forest+probability_in_window", repeat))).hits();
    }
    assertTrue(difference > source, "difference " + difference + " hits, source_only " + source);
  }

  private static Round last(CampaignResult r) {
    return r.rounds().get(r.rounds().size() - 1);
  }
}
