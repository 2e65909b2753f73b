package org.transferlake.train;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferlake.model.components.Components;
import org.transferlake.model.learn.Learner;
import org.transferlake.model.learn.ModelIO;
import org.transferlake.model.learn.mllib.MllibLearner;
import org.transferlake.model.transfer.SourceModels;

/**
 * Fits the stage-one source models of a run side by side before its units start: one Spark task per model, each
 * sent back as a saved model's bytes ({@link ModelIO}) and installed into its {@link SourceModels}. Models whose rows
 * go to the distributed learner (above the switch-rows) are fitted on the driver meanwhile, that learner being
 * distributed itself. Every model is fitted on the rows and with the seed it has when trained where first needed
 * ({@link SourceModels#fit}), so units and final models see the same estimates as with models fitted one after
 * another, and a retried task fits the same model again.
 */
final class SourceFits {
  private static final Logger LOG = LoggerFactory.getLogger(SourceFits.class);

  /**
   * One model to fit.
   *
   * @param threads the forest threads of a model fitted in a task; 0 on the driver (every core)
   * @param cost the learner's expected seconds on one core, for the order of the tasks, their threads and the time left
   */
  record Fit(String preset, SourceModels.Slot slot, String context, int rows, Learner learner, int threads, double cost)
      implements Serializable {

    String describe() {
      return context + " (" + preset + ", " + (slot.isFull() ? "all rows" : "cross-fit group " + slot.group()) + ", "
          + rows + " rows, " + learner.name() + (threads > 0 ? ", " + threads + " thread(s)" : "") + ")";
    }
  }

  private SourceFits() {}

  /**
   * Fits and installs every source model the target's compositions need that is not installed yet.
   *
   * @param sources per preset, the source models on that preset's features
   * @param keys per preset, the target's composition keys
   */
  static void fit(JavaSparkContext jsc, Map<String, SourceModels> sources, Map<String, String[]> keys,
      boolean useMeasured) {
    List<Fit> inTasks = new ArrayList<>();
    List<Fit> onDriver = new ArrayList<>();
    sources.forEach((preset, s) -> {
      for (SourceModels.Slot slot : s.needed(keys.get(preset), useMeasured)) {
        if (s.has(slot)) {
          continue;
        }
        Learner learner = s.learner(slot);
        int rows = s.rows(slot);
        Fit fit = new Fit(preset, slot, s.context(slot.source()), rows, learner, 0,
            Components.learner(learner.name()).fitSeconds(learner.params(), rows));
        // MLlib needs the driver's session, even as the local learner
        (s.distributed(slot) || learner instanceof MllibLearner ? onDriver : inTasks).add(fit);
      }
    });
    // Spark starts a stage's tasks in partition order: the longest first, the short ones fill the cores at the end
    inTasks.sort(Comparator.comparingDouble(Fit::cost).reversed());
    int cores = jsc.defaultParallelism();
    int[] threads = threads(inTasks.stream().mapToDouble(Fit::cost).toArray(), cores,
        jsc.sc().isLocal() ? cores : jsc.getConf().getInt("spark.executor.cores", 1));
    List<Fit> all = new ArrayList<>();
    for (int i = 0; i < inTasks.size(); i++) {
      Fit f = inTasks.get(i);
      all.add(new Fit(f.preset(), f.slot(), f.context(), f.rows(),
          Components.learner(f.learner().name()).create(f.learner().params(), threads[i]), threads[i], f.cost()));
    }
    all.addAll(onDriver);
    if (all.isEmpty()) {
      return;
    }
    LOG.info("source models: {} to fit, {} in Spark tasks, {} on the driver (MLlib)", all.size(), inTasks.size(),
        onDriver.size());
    try (SourceFitProgress progress = new SourceFitProgress(all.stream().map(Fit::describe).toList(),
        all.stream().mapToDouble(Fit::cost).toArray(), cores)) {
      jsc.sc().addSparkListener(progress);
      try {
        run(jsc, sources, all, inTasks.size(), progress);
        progress.finish();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("source models: interrupted", e);
      } finally {
        jsc.sc().removeSparkListener(progress);
      }
    }
  }

  /**
   * Forest threads per task: the task's share of the expected work times the cores, rounded up, at least 1 and at most
   * the cores of one executor. Models of equal cost get cores / tasks each (1 where they outnumber the cores); one
   * that is most of the work gets every core, so that it does not end alone on one thread while the other cores wait.
   * The threads of the tasks running at once stay below twice the cores.
   */
  static int[] threads(double[] costs, int cores, int coresPerExecutor) {
    double total = Arrays.stream(costs).sum();
    int[] out = new int[costs.length];
    for (int i = 0; i < costs.length; i++) {
      double share = total > 0 ? costs[i] / total : 1.0 / costs.length;
      out[i] = (int) Math.max(1, Math.min(coresPerExecutor, Math.ceil(cores * share - 1e-9)));
    }
    return out;
  }

  /** The first {@code tasks} fits in one Spark job, the rest on the driver meanwhile, each installed when fitted. */
  private static void run(JavaSparkContext jsc, Map<String, SourceModels> sources, List<Fit> fits, int tasks,
      SourceFitProgress progress) throws InterruptedException {
    Broadcast<Map<String, SourceModels>> shared = tasks > 0 ? jsc.broadcast(sources) : null;
    JavaFutureAction<List<byte[]>> inFlight = null;
    try {
      if (tasks > 0) {
        jsc.setLocalProperty(SourceFitProgress.JOB_PROPERTY, progress.id());
        try {
          inFlight = jsc.parallelize(fits.subList(0, tasks), tasks)
              .map(f -> ModelIO.toBytes(shared.value().get(f.preset()).fit(f.slot(), f.learner())))
              .collectAsync();
        } finally {
          jsc.setLocalProperty(SourceFitProgress.JOB_PROPERTY, null);
        }
      }
      for (int i = tasks; i < fits.size(); i++) {
        Fit f = fits.get(i);
        progress.driverStarts();
        long start = System.nanoTime();
        SourceModels s = sources.get(f.preset());
        s.install(f.slot(), s.fit(f.slot(), f.learner()));
        progress.driverFitted(i, (System.nanoTime() - start) / 1e9);
      }
      if (inFlight != null) {
        List<byte[]> models = inFlight.get();
        for (int i = 0; i < tasks; i++) {
          Fit f = fits.get(i);
          sources.get(f.preset()).install(f.slot(), Components.readModel(models.get(i), "source model "
              + f.describe()));
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("source models: " + e.getCause().getMessage(), e.getCause());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (inFlight != null && !inFlight.isDone()) {
        inFlight.cancel(true);
      }
      if (shared != null) {
        shared.destroy();
      }
    }
  }
}
