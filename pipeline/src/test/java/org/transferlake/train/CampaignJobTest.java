package org.transferlake.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.transferlake.config.SettingsLoader;
import org.transferlake.featurize.FeatureTable;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;
import org.transferlake.report.ReportJob;
import org.transferlake.report.ReportOptions;
import org.transferlake.testing.TestPaths;
import org.transferlake.testing.TestSpark;
import org.transferlake.train.campaign.CampaignData;
import org.transferlake.train.campaign.CampaignPlan;
import org.transferlake.train.campaign.CampaignRunner;
import org.transferlake.train.campaign.CampaignUnit;
import org.transferlake.train.data.ExperimentData;
import org.transferlake.train.experiment.ExperimentCatalog;
import org.transferlake.train.experiment.ExperimentDefinition;

/**
 * A tiny campaign experiment through Spark tasks, in two waves, into results.campaign_rounds and ops.runs, and
 * reported.
 */
class CampaignJobTest {
  private static Lake lake;
  private static ExperimentDefinition experiment;
  private static ExperimentData data;

  /** Every column but the run's id, timings and executor: what must not change between runs of one definition. */
  private static final String COMPARED = "unit_id, arm, strategy, architecture, learner, params, repeat, seed, goal,"
      + " initial_rows, batch, budget, round, measured, hits, best, mae_unmeasured, revealed, revealed_values";

  @BeforeAll
  static void runTwice() throws Exception {
    lake = TestSpark.freshLake();
    // the run records the features table's snapshot it read; an empty one stands for it here
    lake.spark().sql("CREATE TABLE " + new FeatureTable(lake, "magpie").name() + " (composition_key STRING) USING"
        + " iceberg");
    File dir = TestSpark.tempDir("campaigns");
    Files.writeString(new File(dir, "tiny_campaign.conf").toPath(), CampaignData.DEFINITION);
    experiment = ExperimentCatalog.load(dir, "tiny_campaign");
    data = CampaignData.data(CampaignData.values());
    new CampaignJob(lake).run("camp-a", experiment, data, CampaignData.sources(experiment, data),
        new TrainJob.Options(4, 5, false), "test");
  }

  private static List<Row> rounds(String runId) {
    return lake.spark().sql("SELECT " + COMPARED + " FROM " + lake.name(LakeTable.CAMPAIGN_ROUNDS)
        + " WHERE run_id = '" + runId + "' ORDER BY unit_id, round").collectAsList();
  }

  @Test
  void everyUnitsRoundsArePublishedWithTheRunInOpsRuns() {
    List<Row> a = rounds("camp-a");
    assertEquals(8 * 6, a.size(), "4 arms x 2 repeats, rounds 0 to 5");
    Row run = lake.spark().sql("SELECT kind, units, status FROM " + lake.name(LakeTable.RUNS)
        + " WHERE run_id = 'camp-a'").first();
    assertEquals(List.of("campaign", 8L, "published"), List.of(run.get(0), run.get(1), run.get(2)));
    assertEquals(0L, lake.read(LakeTable.STAGED_CAMPAIGN_ROUNDS).where("run_id = 'camp-a'").count(),
        "the staging is cleared");
  }

  @Test
  void theTasksRowsAreTheRoundsTheUnitGivesOnItsOwn() {
    // two waves in Spark tasks against each unit run here: the same rounds, whatever ran them
    CampaignRunner runner = new CampaignRunner(experiment, data, CampaignData.sources(experiment, data));
    List<String> expected = new ArrayList<>();
    for (CampaignUnit u : CampaignPlan.units(experiment).stream().sorted(java.util.Comparator.comparing(
        CampaignUnit::id)).toList()) {
      runner.run(u).rounds().forEach(r -> expected.add(u.id() + " " + r.round() + " " + r.measured() + " " + r.hits()
          + " " + r.revealed()));
    }
    List<String> actual = rounds("camp-a").stream().map(r -> r.getString(0) + " " + r.getInt(12) + " "
        + r.getInt(13) + " " + r.getInt(14) + " " + r.getList(17)).toList();
    assertEquals(expected, actual);
  }

  @Test
  void aResumedRunKeepsTheStagedUnitsAndEndsWithTheSameRows() {
    // an interrupted run: two units staged under camp-r, as a first wave would have left them
    lake.spark().sql("INSERT INTO " + lake.name(LakeTable.STAGED_CAMPAIGN_ROUNDS) + " SELECT 'camp-r', experiment,"
        + " target_context, unit_id, arm, strategy, architecture, learner, params, repeat, seed, goal, initial_rows,"
        + " batch, budget, round, measured, hits, best, mae_unmeasured, revealed, revealed_values, fit_seconds,"
        + " code_version, config_sha256, executor_id FROM " + lake.name(LakeTable.CAMPAIGN_ROUNDS)
        + " WHERE run_id = 'camp-a' AND unit_id IN ('random|r0', 'difference+forest+probability_in_window|r1')");
    TrainJob.Outcome outcome = new CampaignJob(lake).run("camp-r", experiment, data, CampaignData.sources(experiment,
        data), new TrainJob.Options(2, 100, true), "test");
    assertEquals(List.of(6, 2), List.of(outcome.trained(), outcome.resumed()));
    assertEquals(rounds("camp-a"), rounds("camp-r"));
    assertTrue(assertThrows(org.transferlake.config.SettingsException.class, () -> new CampaignJob(lake).run("camp-r",
        experiment, data, CampaignData.sources(experiment, data), new TrainJob.Options(2, 100, true), "test"))
        .getMessage().contains("was published and has nothing left to resume"));
  }

  @Test
  void theReportHasTheDiscoveryCurvesAndTheExperimentsToNHits() throws Exception {
    ReportJob job = new ReportJob(lake, ReportOptions.from(new SettingsLoader().withoutSystemProperties().set(
        "transferlake.report.published", new File(TestPaths.project(), "conf/report/published.conf").getPath())
        .set("transferlake.report.derived", new File(TestPaths.project(), "conf/report/derived.conf").getPath())
        .load()));
    Path out = TestSpark.tempDir("report").toPath();
    job.write(job.runs(List.of("camp-a"), List.of()), out);
    String md = Files.readString(out.resolve(ReportJob.MARKDOWN));
    assertTrue(md.contains("tiny_campaign — campaign run camp-a"), md);
    assertTrue(md.contains("| random | 1 |"), md);
    assertTrue(md.contains("× target_only (same acquisition)"), md);
    assertTrue(Files.size(out.resolve("campaign_tiny_campaign.png")) > 1000);
  }
}
