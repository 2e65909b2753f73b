package org.transferlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.transferlake.ingest.SourceOutcome;
import org.transferlake.pipeline.IngestResult;
import org.transferlake.pipeline.IngestResult.OutOfRange;
import org.transferlake.pipeline.IngestResult.RejectionCount;
import org.transferlake.pipeline.TrainPlan;
import org.transferlake.pipeline.TrainPlan.SourceSize;
import org.transferlake.pipeline.TrainResult;
import org.transferlake.pipeline.TrainResult.MeanScore;
import org.transferlake.train.RunEstimate;

/** What the commands print as a stage ends, without Spark: the stages' results are built here. */
class StagePrinterTest {
  private static final RunEstimate ESTIMATE = new RunEstimate(40, 20, 100, 5, 20, 2,
      "from 212 fits in this lake's runs of the last 30 days");

  @Test
  void meanTestScoresHaveThreeDecimalsAndTheTargetsUnit() {
    String regression = printed(p -> p.trained(new TrainResult("run-1", 10, 0, "mae", "eV", List.of(
        new MeanScore("difference", "forest", 0.33049, 5), new MeanScore("target_only", "forest", 0.4425, 5)))));
    assertEquals(List.of(
        "run run-1: 10 units trained; mean test score per architecture and learner (all sizes and hyperparameters)",
        "architecture / learner  mae (eV)  units",
        "difference / forest        0.330      5",
        "target_only / forest       0.443      5"), regression.lines().toList());

    String classification = printed(p -> p.trained(new TrainResult("run-2", 4, 0, "accuracy", null, List.of(
        new MeanScore("target_only", "forest", 0.9125, 4)))));
    assertEquals(List.of("architecture / learner  accuracy  units", "target_only / forest       0.913      4"),
        classification.lines().skip(1).toList(), "accuracy has no unit");
  }

  @Test
  void aSourceChainIsPrintedWithTheTargetCompositionsEachLinkCovered() {
    java.util.Map<String, Long> covered = new java.util.LinkedHashMap<>();
    covered.put("band_gap/pbe/matbench_mp_gap", 3372L);
    covered.put("band_gap/pbe/oqmd_gap", 23L);
    covered.put("no link", 898L);
    String out = printed(p -> p.planned(new TrainPlan("chain", "band_gap/experiment/matbench_expt_gap", 4604, 5,
        List.of(new SourceSize("band_gap/pbe/matbench_mp_gap > band_gap/pbe/oqmd_gap", 394288, "median", covered),
            new SourceSize("band_gap/hse06/megnet_multifidelity", 6030, "mean")),
        25, 0, 5, java.util.Map.of("forest", 1L), 1, 1, ESTIMATE)));
    assertEquals("experiment chain: target band_gap/experiment/matbench_expt_gap (4604 records, 5 folds), sources"
        + " band_gap/pbe/matbench_mp_gap > band_gap/pbe/oqmd_gap (394288 compositions, median; target compositions by"
        + " link: band_gap/pbe/matbench_mp_gap 3372, band_gap/pbe/oqmd_gap 23, no link 898),"
        + " band_gap/hse06/megnet_multifidelity (6030 compositions, mean)", out.lines().findFirst().orElseThrow());
  }

  @Test
  void theEstimateIsPrintedByPhaseWithWhereTheFitCostsCameFrom() {
    String out = printed(p -> p.planned(new TrainPlan("quick", "band_gap/experiment/matbench_expt_gap", 4604, 5,
        List.of(new SourceSize("band_gap/pbe/matbench_mp_gap", 78164, "median")), 20, 0, 4, java.util.Map.of("forest",
        1L), 1, 1, ESTIMATE)));
    assertEquals(List.of(
        "estimated time: 3 min 05 s on 2 cores, fit costs from 212 fits in this lake's runs of the last 30 days",
        "  start and data   40 s",
        "  source models    20 s",
        "  units            1 min 40 s",
        "  final models     5 s",
        "  publishing       20 s"), out.lines().skip(2).toList());
  }

  @Test
  void aHalvingRunCountsItsRungUnitsApartFromTheUnitsTrainedInFull() {
    String out = printed(p -> p.planned(new TrainPlan("sweep", "band_gap/experiment/matbench_expt_gap", 4604, 5,
        List.of(new SourceSize("band_gap/pbe/matbench_mp_gap", 78164, "median")), 130, 120, 2,
        java.util.Map.of("forest", 9L), 1, 1, ESTIMATE)));
    assertEquals("work units: 130 = 120 rung units of successive halving (inner folds, a share of the budget) + 10"
        + " trained in full; candidates per learner {forest=9}, 5 folds", out.lines().skip(1).findFirst().orElseThrow());
  }

  @Test
  void namesMessagesAndExamplesFromInputFilesArePrintedEscaped() {
    String id = "lab\u001b[31m";
    IngestResult result = new IngestResult("ingest-1",
        List.of(new SourceOutcome(id, SourceOutcome.FAILED, 2, 0, 2, 0, 0, null,
            "cannot read record 2: 'Fe\u0000O'\nthen stopped", 0.5)),
        "lake.curated.rejects", List.of(new RejectionCount(id, "bad_formula", 2, "formula '\u202eOgeS': unknown")),
        List.of(new OutOfRange(id, 3, 4, 0.5, "Eg: 1120\u0085 eV is above 30.0 eV")));
    String out = printed(p -> p.ingested(result));

    assertTrue(out.contains("lab\\u001b[31m  failed"), out);
    assertTrue(out.contains("FAILED lab\\u001b[31m: cannot read record 2: 'Fe\\u0000O'\nthen stopped\n"),
        "a message keeps its lines: " + out);
    assertTrue(out.contains("TOO MANY OUT OF RANGE lab\\u001b[31m: 75% of its records (3 of 4) refused as out of"
        + " range, e.g. 'Eg: 1120\\u0085 eV is above 30.0 eV'."), out);
    assertTrue(out.contains("bad_formula      2  formula '\\u202eOgeS': unknown"), out);
    for (char raw : new char[] {'\u0000', '\u001b', '\u0085', '\u202e'}) {
      assertFalse(out.indexOf(raw) >= 0, "no raw U+" + Integer.toHexString(raw) + ": " + out);
    }
  }

  private static String printed(Consumer<StagePrinter> stage) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    stage.accept(new StagePrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
