package org.transferlake.train;

import static org.apache.spark.sql.functions.col;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferlake.config.SettingsException;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;
import org.transferlake.model.transfer.SourceModels;
import org.transferlake.train.campaign.CampaignPlan;
import org.transferlake.train.campaign.CampaignResult;
import org.transferlake.train.campaign.CampaignRunner;
import org.transferlake.train.campaign.CampaignUnit;
import org.transferlake.train.data.ExperimentData;
import org.transferlake.train.data.FeatureSets;
import org.transferlake.train.experiment.ExperimentDefinition;

/**
 * Runs a campaign experiment: one Spark task per unit (arm × repeat), each simulating its campaign and writing its
 * rounds to {@code ops.staged_campaign_rounds}, wave by wave (a resumed run keeps the staged units); then the run's
 * rows replace its rows in {@code results.campaign_rounds} in one commit, and its row in {@code ops.runs} (kind
 * {@code campaign}) is written last. The source models are fitted once, in Spark tasks before the units, on source
 * rows only, and shared by every unit, as in {@link TrainJob}.
 */
final class CampaignJob {
  private static final Logger LOG = LoggerFactory.getLogger(CampaignJob.class);

  private final Lake lake;

  CampaignJob(Lake lake) {
    this.lake = lake;
  }

  TrainJob.Outcome run(String runId, ExperimentDefinition e, ExperimentData data, SourceModels sources,
      TrainJob.Options options, String settings) {
    Instant started = Instant.now();
    RunPublisher publisher = new RunPublisher(lake);
    Map<String, Long> snapshots = publisher.inputSnapshots(e);
    List<CampaignUnit> units = CampaignPlan.units(e);
    Set<String> staged = staged(runId, options.resume());
    List<CampaignUnit> todo = new ArrayList<>(units.stream().filter(u -> !staged.contains(u.id())).toList());
    // the costliest first, so that the cheap random units fill the cores at the end
    todo.sort(Comparator.comparingInt((CampaignUnit u) -> -CampaignPlan.fits(e.campaign(), u))
        .thenComparing(CampaignUnit::id));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(lake.spark().sparkContext());
    FeatureSets features = FeatureSets.of(e.features().get(0), data);
    TrainJob.prepareSources(jsc, e, features, Map.of(e.features().get(0), sources));
    Broadcast<Shared> shared = jsc.broadcast(new Shared(e, features, Map.of(e.features().get(0), sources)));
    try {
      LOG.info("run {}: {} campaign units ({} already staged), {} rounds of {} each", runId, todo.size(),
          units.size() - todo.size(), (e.campaign().budget() + e.campaign().batch() - 1) / e.campaign().batch(),
          e.campaign().batch());
      for (int from = 0; from < todo.size(); from += options.unitsPerCommit()) {
        List<CampaignUnit> wave = todo.subList(from, Math.min(todo.size(), from + options.unitsPerCommit()));
        JavaRDD<Row> rows = jsc.parallelize(wave, wave.size()).flatMap(u -> {
          Shared s = shared.value();
          long t0 = System.nanoTime();
          CampaignResult r = new CampaignRunner(s.experiment(), s.data().first(), s.sources().values().iterator().next())
              .run(u);
          LoggerFactory.getLogger(CampaignJob.class).info("campaign unit {}: {} hits in {} experiments, {} s",
              u.id(), r.rounds().get(r.rounds().size() - 1).hits(), r.rounds().get(r.rounds().size() - 1).measured(),
              String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
          return CampaignRows.rows(runId, s.experiment(), s.data().first().targetContext(), r).iterator();
        });
        lake.append(LakeTable.STAGED_CAMPAIGN_ROUNDS, lake.spark().createDataFrame(rows,
            lake.read(LakeTable.STAGED_CAMPAIGN_ROUNDS).schema()));
      }
      var thisRun = col("run_id").equalTo(runId);
      lake.overwrite(LakeTable.CAMPAIGN_ROUNDS, lake.read(LakeTable.STAGED_CAMPAIGN_ROUNDS).where(thisRun), thisRun);
      publisher.recordRun(runId, "campaign", e, units.size(), started, snapshots, settings, data.chains());
      clearStaged(runId);
      return new TrainJob.Outcome(todo.size(), units.size() - todo.size(), List.of());
    } finally {
      shared.destroy();
    }
  }

  /** As {@link Waves#staged}: the units an interrupted run staged when resuming, else none (staging cleared). */
  private Set<String> staged(String runId, boolean resume) {
    String id = runId.replace("'", "''");
    if (!resume) {
      lake.spark().sql("DELETE FROM " + lake.name(LakeTable.RUNS) + " WHERE run_id = '" + id + "'");
      clearStaged(runId);
      return Set.of();
    }
    Set<String> ids = new HashSet<>();
    lake.read(LakeTable.STAGED_CAMPAIGN_ROUNDS).where(col("run_id").equalTo(runId)).select("unit_id").distinct()
        .collectAsList().forEach(r -> ids.add(r.getString(0)));
    if (ids.isEmpty() && !lake.read(LakeTable.RUNS).where(col("run_id").equalTo(runId)).isEmpty()) {
      throw new SettingsException("run " + runId + " was published and has nothing left to resume; run it anew to"
          + " replace it");
    }
    return ids;
  }

  private void clearStaged(String runId) {
    lake.spark().sql("DELETE FROM " + lake.name(LakeTable.STAGED_CAMPAIGN_ROUNDS) + " WHERE run_id = '"
        + runId.replace("'", "''") + "'");
  }
}
