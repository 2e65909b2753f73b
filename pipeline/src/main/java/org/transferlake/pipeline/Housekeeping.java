package org.transferlake.pipeline;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.transferlake.config.Settings;
import org.transferlake.lake.LakeLocation;
import org.transferlake.ops.Maintenance;
import org.transferlake.ops.Retention;

/**
 * The nightly housekeeping (transferlake.nightly.*): deletes old runs of each experiment of
 * transferlake.run.experiments when retention is on, then expires old snapshots and compacts.
 */
public final class Housekeeping {
  private final PipelineSession session;
  private final StageListener listener;

  public Housekeeping(PipelineSession session, StageListener listener) {
    this.session = session;
    this.listener = listener;
  }

  /** Runs under the write lock; tells the listener each experiment's retention, then the maintenance. */
  public MaintenanceSummary run() throws IOException {
    session.lockForWriting();
    Settings settings = session.settings();
    Instant now = Instant.now();
    if (settings.nightlyRetention()) {
      Retention retention = new Retention(session.lake(), LakeLocation.of(settings.lakeRoot()).artifacts(),
          settings.nightlyKeepAge(), settings.nightlyKeepLast());
      for (String experiment : settings.runExperiments()) {
        listener.retained(experiment, retention.apply(experiment, now));
      }
    }
    List<Maintenance.Outcome> done = new Maintenance(session.lake()).run(settings.nightlyExpireAfter(),
        settings.nightlyRetainSnapshots(), settings.nightlyCompact(), now);
    MaintenanceSummary summary = new MaintenanceSummary(done.size(),
        done.stream().mapToLong(Maintenance.Outcome::expiredDataFiles).sum(),
        done.stream().mapToLong(Maintenance.Outcome::rewrittenFiles).sum(),
        done.stream().mapToLong(Maintenance.Outcome::addedFiles).sum());
    listener.maintained(summary);
    return summary;
  }
}
