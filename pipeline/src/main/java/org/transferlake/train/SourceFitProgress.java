package org.transferlake.train;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source-model phase as the driver sees it: one line per model as it is fitted (its rows and seconds), and every
 * 10 s the models done / total, those running and the time left. Models fitted in tasks are followed through the
 * tasks of the jobs that carry {@link #JOB_PROPERTY}, where a task's partition is the model's index.
 */
final class SourceFitProgress extends SparkListener implements AutoCloseable {
  /** The local property that marks a source-fit job; its value is {@link #id()}. */
  static final String JOB_PROPERTY = "transferlake.source-fits";

  private static final Logger LOG = LoggerFactory.getLogger(SourceFitProgress.class);

  private final String id = UUID.randomUUID().toString();
  private final List<String> models;
  private final double[] costs;
  private final double totalCost;
  private final int cores;
  private final long start = System.nanoTime();
  private final Set<Integer> stages = ConcurrentHashMap.newKeySet();
  /** Per model done, the seconds it took. */
  private final Map<Integer, Double> done = new ConcurrentHashMap<>();
  /** When each model's first task attempt started (nanoTime). */
  private final Map<Integer, Long> started = new ConcurrentHashMap<>();
  private final Set<Long> runningTasks = ConcurrentHashMap.newKeySet();
  private volatile int onDriver;
  private final Thread thread;

  /**
   * @param models each model's description, in the order of the job's partitions and then the driver's fits
   * @param costs each model's expected seconds on one core, for the time left
   * @param cores the cores the models share
   */
  SourceFitProgress(List<String> models, double[] costs, int cores) {
    this.models = List.copyOf(models);
    this.costs = costs.clone();
    this.totalCost = Arrays.stream(costs).sum();
    this.cores = Math.max(1, cores);
    thread = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          Thread.sleep(10_000);
          LOG.info("source models: {} / {} done, {} running, {}", done.size(), models.size(),
              runningTasks.size() + onDriver, left());
        }
      } catch (InterruptedException ignored) {
        Thread.currentThread().interrupt();
      }
    }, "source-fit-progress");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void onJobStart(SparkListenerJobStart job) {
    if (job.properties() != null && id.equals(job.properties().getProperty(JOB_PROPERTY))) {
      job.stageIds().foreach(id -> stages.add((Integer) id));
    }
  }

  @Override
  public void onTaskStart(SparkListenerTaskStart task) {
    if (stages.contains(task.stageId())) {
      runningTasks.add(task.taskInfo().taskId());
      started.putIfAbsent(task.taskInfo().index(), System.nanoTime());
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    if (!stages.contains(end.stageId())) {
      return;
    }
    runningTasks.remove(end.taskInfo().taskId());
    if (end.taskInfo().successful()) {
      fitted(end.taskInfo().index(), end.taskInfo().duration() / 1e3, "in a task");
    } else {
      LOG.warn("source model {}: task attempt {} failed ({}); a retry fits the same model",
          models.get(end.taskInfo().index()),
          end.taskInfo().attemptNumber(), end.reason());
    }
  }

  String id() {
    return id;
  }

  /** A model starts on the driver. */
  void driverStarts() {
    onDriver = 1;
  }

  /** Model {@code index}, fitted on the driver in {@code seconds}. */
  void driverFitted(int index, double seconds) {
    onDriver = 0;
    fitted(index, seconds, "on the driver");
  }

  private void fitted(int index, double seconds, String where) {
    if (done.putIfAbsent(index, seconds) == null) { // a speculative copy's end is not a second model
      LOG.info("source model {} fitted {} in {} s", models.get(index), where,
          String.format(Locale.ROOT, "%.1f", seconds));
    }
  }

  /** Waits (a few seconds at most) for the listener to hear of every task's end, then logs the phase's time. */
  void finish() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (done.size() < models.size() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    thread.interrupt();
    LOG.info("source models: {} fitted in {} s", models.size(),
        String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
  }

  /**
   * The time left. Once a model is done, each other model takes its cost at the pace of those done (cost per second
   * of fitting), less the time it has run; the phase ends when the longest of them does, or when the cores have
   * worked through them all, whichever is later. Before that, from the learners' built-in costs spread over the
   * cores (not corrected for this machine), said so.
   */
  String left() {
    long now = System.nanoTime();
    double costDone = 0;
    double secondsDone = 0;
    for (Map.Entry<Integer, Double> model : done.entrySet()) {
      costDone += costs[model.getKey()];
      secondsDone += model.getValue();
    }
    if (costDone <= 0 || secondsDone <= 0) {
      double expected = totalCost / cores;
      double elapsed = (now - start) / 1e9;
      return expected > elapsed
          ? String.format(Locale.ROOT, "~%.0f s left by the built-in fit costs (no model done yet)", expected - elapsed)
          : String.format(Locale.ROOT, "past the built-in fit costs' %.0f s by %.0f s (no model done yet)", expected,
              elapsed - expected);
    }
    double pace = costDone / secondsDone;
    double longest = 0;
    double all = 0;
    for (int i = 0; i < costs.length; i++) {
      if (done.containsKey(i)) {
        continue;
      }
      Long since = started.get(i);
      double remaining = Math.max(0, costs[i] / pace - (since == null ? 0 : (now - since) / 1e9));
      longest = Math.max(longest, remaining);
      all += remaining;
    }
    return String.format(Locale.ROOT, "~%.0f s left", Math.max(longest, all / cores));
  }

  @Override
  public void close() {
    thread.interrupt();
  }
}
