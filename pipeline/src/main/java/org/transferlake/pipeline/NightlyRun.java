package org.transferlake.pipeline;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.transferlake.lake.LakeTable;
import org.transferlake.ops.RunComparisons.Comparison;
import org.transferlake.ops.RunComparisons;

/**
 * The scheduled run: ingest, featurize, train each experiment of transferlake.run.experiments as run
 * nightly-<date>-<experiment> (a re-run of a date replaces it), compare each with the experiment's previous
 * published run, then housekeeping.
 */
public final class NightlyRun {
  private final PipelineSession session;
  private final StageListener listener;

  public NightlyRun(PipelineSession session, StageListener listener) {
    this.session = session;
    this.listener = listener;
  }

  /** Runs every stage under the write lock, as the runs of {@code day}. */
  public NightlyResult run(LocalDate day) throws IOException {
    session.lockForWriting();
    listener.ingestStarting();
    boolean ok = new IngestStage(session, listener).run().ok();
    listener.featurizeStarting(!ok);
    ok &= new FeaturizeStage(session, listener).run(FeaturizeStage.presetsFor(session.settings(),
        session.settings().runExperiments())).ok();
    RunComparisons comparisons = new RunComparisons(session.lake(), session.settings().nightlyThresholds());
    TrainStage train = new TrainStage(session, listener);
    List<Comparison> all = new ArrayList<>();
    for (String experiment : session.settings().runExperiments()) {
      String runId = "nightly-" + day + "-" + experiment;
      listener.trainStarting(experiment, runId);
      train.train(experiment, runId);
      String previous = comparisons.previousRun(runId, experiment);
      if (previous == null) {
        listener.noEarlierRun(experiment);
      } else {
        all.addAll(comparisons.compare(runId, previous, experiment));
      }
    }
    Comparisons compared = compared(all);
    listener.compared(compared);
    new Housekeeping(session, listener).run();
    return new NightlyResult(ok, compared);
  }

  /** The comparisons in order, and those that raise an alert (transferlake.nightly.alert-on). */
  private Comparisons compared(List<Comparison> all) {
    List<Comparison> sorted = all.stream().sorted(Comparator.comparing(Comparison::experiment)
        .thenComparing(Comparison::architecture).thenComparing(Comparison::learner)
        .thenComparing(Comparison::metric)).toList();
    List<String> alertOn = session.settings().nightlyAlertOn();
    return new Comparisons(session.lake().name(LakeTable.RUN_COMPARISONS), sorted,
        sorted.stream().filter(c -> c.worse() && alertOn.contains(c.metric())).toList());
  }
}
